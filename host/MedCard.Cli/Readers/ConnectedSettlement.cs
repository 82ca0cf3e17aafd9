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
/// on the reader, have the reader sign the record, verify it, settle.
/// The reader asks for the PIN BEFORE it signs, while the ledger counts PIN tries when it settles the
/// signed record; so the digits are kept (as <see cref="PinDigits"/>, wiped after) and judged by the
/// settlement, which decrements the try counter before comparing. A wrong PIN therefore still costs a
/// signed (refused) record on the reader.
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
        var capture = new CapturingPinVerifier();
        try
        {
            PinOutcome pin = await client.RequestPinAsync(cardNumber, capture, new PinEntryOptions { MinLength = PinDigits.MinLength, MaxLength = PinDigits.MaxLength },
                ct).ConfigureAwait(false);
            if (pin != PinOutcome.Correct || capture.Pin is null)
            {
                throw new RefusedException("PIN entry on reader " + client.ReaderId + " did not complete", "reader.pin_" + pin.ToString().ToLowerInvariant(),
                    "the reader answered " + pin, "present the card again and type the PIN, then Enter (#)");
            }

            long total = input.Items.Sum(i => i.Amount);
            AuthorizationResult auth = await client.AuthorizeAsync(cardNumber, total, SettleReport.TypeFor(input.VisitType), ct).ConfigureAwait(false);
            SignedRecord? record = auth.Record;
            var report = new SettleReport(client.ReaderId, record?.Counter ?? 0, cardNumber, total, input.VisitType, input.InstitutionId,
                auth.Check?.Verdict.ToString() ?? auth.Status.ToString(), null, null);
            if (!auth.IsApproved || record is null)
            {
                return report with { Refusal = Refusal.Of(ReasonCode.RecordForged, "reader answered " + auth.Status + ", record " + (auth.Check?.Explanation ?? "none")) };
            }

            var tx = new VerifiedTransaction(record.ReaderId, record.Counter, record.CardUid, record.CardNumber, record.Amount,
                DateTimeOffset.FromUnixTimeSeconds(record.Time));
            SettlementOutcome outcome = await new SettlementService(store).SettleAsync(
                new SettlementRequest(tx, input.Items.ToList(), input.InstitutionId, input.VisitType, capture.Pin, input.PayFromRelativeResidentId), ct)
                .ConfigureAwait(false);
            return report with { Outcome = outcome, Refusal = outcome.Refusal };
        }
        finally
        {
            capture.Pin?.Dispose();
        }
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

    /// <summary>Keeps a copy of the digits for the settlement (the host library wipes its buffer after the call).</summary>
    private sealed class CapturingPinVerifier : IPinVerifier
    {
        public PinDigits? Pin { get; private set; }

        public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken)
        {
            Pin?.Dispose();
            Pin = new PinDigits(digits.Span);
            return ValueTask.FromResult(PinCheck.Correct);
        }
    }
}
