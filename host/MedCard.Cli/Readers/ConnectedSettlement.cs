using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Readers;

/// <summary>
/// One settlement on a connected reader (a real one on a serial port, or `medcard sim` on its pty or TCP
/// port) through the host library's <see cref="ReaderClient"/>: wait for a card, have the holder type the PIN
/// on the reader, CHECK IT (the ledger spends a try before comparing), and only if it is right have the reader
/// sign the record, verify it and settle it. A wrong PIN is refused before anything is signed.
/// The PIN check hands its result to the settlement as a single-use <see cref="PinVerificationToken"/> bound to
/// the card, the reader and the reader's next counter, so the settlement does not count a second try.
/// </summary>
internal sealed class ConnectedSettlement(ILedgerStore store, ReaderRegistry registry, Microsoft.Extensions.Logging.ILoggerFactory? logging = null)
{
    public async Task<SettleReport> SettleAsync(string port, SettleInput input, TimeSpan waitForCard, Action<string> status, CancellationToken ct)
    {
        IByteTransport transport = Commands.ProvisionCommand.Transport(port);
        var options = new ReaderClientOptions { Keys = registry, Chain = registry, LoggerFactory = logging };
        await using ReaderClient client = await ReaderClient.ConnectAsync(transport, options, ct).ConfigureAwait(false);
        if (client.ReaderId == 0)
        {
            throw new RefusedException("the reader on " + port + " cannot settle", "reader.not_provisioned", "it has no reader id and key",
                "medcard provision --reader <id> --port " + port);
        }

        string cardNumber = await WaitForCardAsync(client, input, waitForCard, status, ct).ConfigureAwait(false);
        PinVerificationToken token = await VerifyPinAsync(client, cardNumber, ct).ConfigureAwait(false);

        long total = input.Items.Sum(i => i.Amount);
        // Every record the client counts during the authorization (journal recovery, a sync after a reconnect): if
        // the reader signs this request twice (DuplicateSigning), the first signing is among them and carries the bill.
        var counted = new System.Collections.Concurrent.ConcurrentQueue<SignedRecord>();
        EventHandler<MedCard.Host.Verification.RecordCheck> onAccepted = (_, check) => counted.Enqueue(check.Record);
        client.RecordAccepted += onAccepted;
        AuthorizationResult auth;
        try
        {
            auth = await client.AuthorizeAsync(cardNumber, total, SettleReport.TypeFor(input.VisitType), ct).ConfigureAwait(false);
        }
        finally
        {
            client.RecordAccepted -= onAccepted;
        }

        SignedRecord? record = auth.Record;
        if (auth.IsApproved && record is not null && auth.Check!.Verdict == MedCard.Host.Verification.RecordVerdict.DuplicateSigning)
        {
            // Settle the first signing, never the duplicate: the ledger dedupes by (reader, counter) and the
            // duplicate's counter is new, so settling it too would charge the bill twice.
            SignedRecord? first = counted.Concat(auth.Recovered.Select(c => c.Record))
                .Where(r => r.Counter < record.Counter && r.HostNonce.AsSpan().SequenceEqual(record.HostNonce))
                .OrderBy(r => r.Counter).FirstOrDefault();
            if (first is null)
            {
                return new SettleReport(client.ReaderId, record.Counter, cardNumber, total, input.VisitType, input.InstitutionId,
                    auth.Check.Verdict.ToString(), null, Refusal.Of(ReasonCode.RecordReplayed,
                        "the reader signed this request twice and its first signing was counted elsewhere; check the ledger before charging again"));
            }

            record = first;
        }

        var report = new SettleReport(client.ReaderId, record?.Counter ?? 0, cardNumber, total, input.VisitType, input.InstitutionId,
            auth.Check?.Verdict.ToString() ?? auth.Status.ToString(), null, null);
        if (auth.Check is null)
        {
            // The reader itself refused to sign (hotlisted card, no card, journal full...): nothing was signed.
            throw new RefusedException("reader " + client.ReaderId + " did not sign for card " + cardNumber,
                "reader.authorize_" + auth.Status.ToString().ToLowerInvariant(), "it answered " + auth.Status,
                "present the card again; a hotlisted card is refused by the reader itself");
        }

        if (!auth.IsApproved || record is null)
        {
            return report with { Refusal = SettlementDriver.RefusalOf(auth.Check) };
        }

        var tx = new VerifiedTransaction(record.ReaderId, record.Counter, record.CardUid, record.CardNumber, record.Amount,
            DateTimeOffset.FromUnixTimeSeconds(record.Time));
        var request = new SettlementRequest(tx, input.Items.ToList(), input.InstitutionId, input.VisitType, null, input.PayFromRelativeResidentId)
        {
            VerifiedPin = token,
        };
        SettlementOutcome outcome = await new SettlementService(store).SettleAsync(request, ct).ConfigureAwait(false);
        return report with { Outcome = outcome, Refusal = outcome.Refusal };
    }

    /// <summary>
    /// PIN entry on the reader, judged by the ledger before any signing. The reader is told the tries left when
    /// it is asked for the PIN. Returns the token for the settlement; every other outcome is a refusal (exit 3)
    /// and the reader is never asked to sign.
    /// </summary>
    private async Task<PinVerificationToken> VerifyPinAsync(ReaderClient client, string cardNumber, CancellationToken ct)
    {
        var desk = new CardDesk(store);
        Card? card = await desk.GetCardAsync(cardNumber, ct).ConfigureAwait(false);
        var entry = new PinEntryOptions
        {
            MinLength = PinDigits.MinLength,
            MaxLength = PinDigits.MaxLength,
            TriesRemaining = card is null ? PinEntryOptions.Default.TriesRemaining : (byte)Math.Clamp(card.PinTriesLeft, 0, CardRules.PinTries),
        };
        var verifier = new LedgerPinVerifier(desk);
        PinOutcome pin = await client.RequestPinAsync(cardNumber, verifier, entry, ct).ConfigureAwait(false);
        if (pin == PinOutcome.Correct && verifier.Last?.Token is { } token)
        {
            return token;
        }

        if (verifier.Last?.Refusal is { } refusal)
        {
            throw new RefusedException("PIN for card " + cardNumber + " on reader " + client.ReaderId + " refused before signing (nothing was signed)",
                refusal);
        }

        throw new RefusedException("PIN entry on reader " + client.ReaderId + " did not complete", "reader.pin_" + pin.ToString().ToLowerInvariant(),
            "the reader answered " + pin, "present the card again and type the PIN, then Enter (#)");
    }

    /// <summary>Subscribes to card events first, then tells the person (stderr) to present the card, so a card
    /// placed after the message is never missed. A card already on the reader must be lifted and placed again.</summary>
    private static async Task<string> WaitForCardAsync(ReaderClient client, SettleInput input, TimeSpan wait, Action<string> status, CancellationToken ct)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<CardEvent> onCard = (_, e) =>
        {
            bool wanted = e.IsPresent && e.CardNumber is not null
                && (input.CardNumber is null || input.CardNumber == e.CardNumber)
                && (input.Uid is null || input.Uid.AsSpan().SequenceEqual(e.Uid));
            if (wanted)
            {
                found.TrySetResult(e.CardNumber!);
            }
        };
        client.CardChanged += onCard;
        try
        {
            status("waiting up to " + wait.TotalSeconds + " s for a card on reader " + client.ReaderId + " (a card already there: lift it and place it again)");
            return await found.Task.WaitAsync(wait, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new RefusedException("no card was presented on reader " + client.ReaderId, "reader.no_card",
                "nothing readable arrived within " + wait.TotalSeconds + " s", "place the card on the reader, or raise --wait");
        }
        finally
        {
            client.CardChanged -= onCard;
        }
    }
}
