using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedCard.Checkout;

/// <summary>
/// One reader at one counter, settling purchases into one ledger: the road from the card to the settled record.
/// <see cref="OpenAsync"/> connects the reader and recovers its journal (every signed record the ledger has not filed is
/// voided with its reason, so a host killed after signing never leaves the reader stuck); <see cref="CheckoutAsync"/> runs
/// one purchase:
/// <list type="number">
/// <item>the refusals that need no card (bill, institution, policy) before anything else;</item>
/// <item>wait for the card;</item>
/// <item>the PIN typed on the reader is checked by the ledger (a try spent before the compare) before the reader signs;</item>
/// <item>the reader signs; the record is verified (MAC, counter, chain);</item>
/// <item>the record is settled with the PIN verification token; the reader's chain position advances in the same ledger
/// transaction; a genuine record the ledger refuses without filing is voided instead;</item>
/// <item>the reader's journal is acknowledged up to what the ledger has filed, never further.</item>
/// </list>
/// One terminal serves one reader; calls are serialised.
/// </summary>
public sealed class CheckoutTerminal : IAsyncDisposable
{
    private const string NeverSettled = "signed but never settled (recovered from the reader's journal)";

    private readonly ReaderClient _client;
    private HolderMacVerifier? _holderMac;
    private readonly ILedgerStore _ledger;
    private readonly CheckoutOptions _options;
    private readonly LedgerChain _chain;
    private readonly ReaderDesk _readers;
    private readonly CardDesk _cards;
    private readonly SettlementService _settlement;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _recoveryDue;
    private uint _journalLatest; // the highest counter the reader is known to have journaled (it refuses an ack beyond it)
    private uint _acknowledged;

    private CheckoutTerminal(ReaderClient client, ILedgerStore ledger, CheckoutOptions options, LedgerChain chain, ReaderDesk readers)
    {
        _client = client;
        _ledger = ledger;
        _options = options;
        _chain = chain;
        _readers = readers;
        _cards = new CardDesk(ledger, options.Ledger);
        _settlement = new SettlementService(ledger, options.Ledger);
        _logger = options.LoggerFactory?.CreateLogger<CheckoutTerminal>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The reader's id (0 when it is not provisioned).</summary>
    public uint ReaderId => _client.ReaderId;

    /// <summary>What the journal recovery at open found and filed.</summary>
    public RecoveryReport Recovery { get; private set; } = new([], [], 0);

    /// <summary>
    /// Connects the reader on <paramref name="transport"/> (serial port, pseudo-terminal, TCP, or the simulator's
    /// in-process transport), with its key and chain from the ledger's readers table, and recovers its journal.
    /// Throws <see cref="TransportException"/> when the endpoint cannot be opened and <see cref="CheckoutException"/>
    /// (<see cref="CheckoutReasons.ReaderNotProvisioned"/>) when the ledger holds no key for the reader.
    /// </summary>
    public static async Task<CheckoutTerminal> OpenAsync(IByteTransport transport, ILedgerStore ledger, CheckoutOptions? options,
        CancellationToken cancellationToken)
    {
        CheckoutTerminal terminal = await ConnectAsync(transport, ledger, options, cancellationToken).ConfigureAwait(false);
        try
        {
            uint readerId = terminal.ReaderId;
            if (!await terminal.IsKnownToLedgerAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new CheckoutException(CheckoutReasons.ReaderNotProvisioned,
                    "reader " + readerId + " is not provisioned against this ledger (the ledger holds no key for it)");
            }

            terminal.Recovery = await terminal.RecoverAsync(cancellationToken).ConfigureAwait(false);
            return terminal;
        }
        catch
        {
            await terminal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The reader client, for reader administration (status, hotlist, reset) on the same link.</summary>
    internal ReaderClient Client => _client;

    /// <summary>The ledger this terminal files into.</summary>
    internal ILedgerStore Ledger => _ledger;

    /// <summary>True when the reader is provisioned and the ledger holds its key (records can be verified and filed).</summary>
    internal async Task<bool> IsKnownToLedgerAsync(CancellationToken cancellationToken)
    {
        uint readerId = _client.ReaderId;
        if (readerId == 0 || await _readers.GetKeyAsync(readerId, cancellationToken).ConfigureAwait(false) is not { } key)
        {
            return false;
        }

        ConstantTime.Wipe(key);
        return true;
    }

    /// <summary>Connects the reader with the ledger's key and chain, without the provisioning check or the recovery (reader
    /// administration also talks to readers the ledger does not know).</summary>
    internal static async Task<CheckoutTerminal> ConnectAsync(IByteTransport transport, ILedgerStore ledger, CheckoutOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(ledger);
        options ??= new CheckoutOptions();
        var readers = new ReaderDesk(ledger, options.Ledger);
        var chain = new LedgerChain(readers);
        HolderMacVerifier? holderMac = options.HolderMacKey is { } issuerKey ? new HolderMacVerifier(issuerKey) : null;
        ReaderClient client;
        try
        {
            client = await ConnectClientAsync(transport, options, readers, chain, holderMac, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            holderMac?.Dispose();
            throw;
        }

        var terminal = new CheckoutTerminal(client, ledger, options, chain, readers);
        terminal._holderMac = holderMac;
        return terminal;
    }

    private static Task<ReaderClient> ConnectClientAsync(IByteTransport transport, CheckoutOptions options, ReaderDesk readers, LedgerChain chain,
        HolderMacVerifier? holderMac, CancellationToken cancellationToken) =>
        ReaderClient.ConnectAsync(transport, new ReaderClientOptions
        {
            Keys = new LedgerReaderKeys(readers),
            Chain = chain,
            LoggerFactory = options.LoggerFactory,
            CallTimeout = options.CallTimeout,
            // The host is the issuer for holder data: a card whose issuer MAC does not verify is refused before signing.
            HolderMac = holderMac,
            // The checkout recovers the journal itself, against the ledger, and acknowledges only what is filed.
            SyncJournalOnReconnect = false,
        }, cancellationToken);

    /// <summary>
    /// Runs one purchase from card to settled record. Refusals are results (<see cref="CheckoutStatus.Refused"/> with a
    /// stable <see cref="CheckoutResult.Reason"/>), not exceptions; a broken link throws (the reader's journal keeps what
    /// it signed and the next checkout, or the next <see cref="OpenAsync"/>, files it).
    /// </summary>
    public async Task<CheckoutResult> CheckoutAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        // The span and the clock start once this purchase has the reader: the wait for another checkout is not its duration.
        using Activity? activity = CheckoutTelemetry.Source.StartActivity("medcard.checkout");
        activity?.SetTag(CheckoutTelemetry.ReaderIdTag, (long)ReaderId);
        activity?.SetTag(CheckoutTelemetry.VisitTypeTag, purchase.VisitType.ToString());
        long started = Stopwatch.GetTimestamp();
        try
        {
            if (_recoveryDue)
            {
                Recovery = await RecoverAsync(cancellationToken).ConfigureAwait(false);
            }

            _recoveryDue = true; // cleared only when this purchase ends with everything it signed filed
            CheckoutResult result = await RunAsync(purchase, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(CheckoutTelemetry.AmountTag, result.Total);
            await AcknowledgeFiledAsync(cancellationToken).ConfigureAwait(false);
            _recoveryDue = false;
            CheckoutTelemetry.Finished(activity, ReaderId, purchase.VisitType.ToString(), result, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e)
        {
            CheckoutTelemetry.Failed(activity, ReaderId, e, Stopwatch.GetElapsedTime(started));
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Pushes the ledger's current hotlist (every card reported lost or replaced, by card number) to this reader under the
    /// ledger's hotlist version; the reader switches to it atomically after the last chunk. Does not wait for a checkout in
    /// progress (the reader client carries both on one link), so a card reported lost is refused by a reader that is
    /// waiting for it. <see cref="HotlistBroadcast"/> does this for every connected reader.
    /// </summary>
    public async Task<HotlistPushReport> PushHotlistAsync(CancellationToken cancellationToken)
    {
        Hotlist hotlist = await _cards.GetHotlistAsync(cancellationToken).ConfigureAwait(false);
        if (hotlist.Version is < 0 or > uint.MaxValue)
        {
            throw new InvalidOperationException("The ledger's hotlist version " + hotlist.Version + " does not fit the reader's 32-bit version.");
        }

        HotlistAck ack = await _client.PushHotlistAsync((uint)hotlist.Version, hotlist.CardNumbers, [], cancellationToken).ConfigureAwait(false);
        return new HotlistPushReport((uint)hotlist.Version, hotlist.CardNumbers.Count, ack);
    }

    /// <summary>
    /// Reads the reader's journal after the last counter the ledger filed and voids every signed record found there (it
    /// was never settled), in counter order, each with the chain in the same ledger transaction; then acknowledges the
    /// journal up to the ledger's position. Runs at open; call it again after a link failure if you keep the terminal.
    /// </summary>
    public async Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken)
    {
        uint readerId = _client.ReaderId;
        using Activity? activity = CheckoutTelemetry.Source.StartActivity("medcard.checkout.recover");
        activity?.SetTag(CheckoutTelemetry.ReaderIdTag, (long)readerId);
        _chain.Reset(readerId);
        ChainPosition filed = await _chain.FiledAsync(readerId, cancellationToken).ConfigureAwait(false);
        JournalSyncResult sync = await _client.ReadJournalAsync(filed.Counter + 1, JournalRead.Latest, acknowledge: false, cancellationToken)
            .ConfigureAwait(false);
        _journalLatest = Math.Max(_journalLatest, sync.LatestCounter);
        var voided = new List<VoidedRecord>();
        var unfiled = new List<string>();
        foreach (RecordCheck check in sync.Checks)
        {
            if (check.AdvancesChain)
            {
                if (await VoidAsync(check.Record, NeverSettled, cancellationToken).ConfigureAwait(false))
                {
                    voided.Add(new VoidedRecord(check.Record.ReaderId, check.Record.Counter, check.Record.Amount, NeverSettled));
                }
            }
            else if (check.Verdict != RecordVerdict.AlreadyAccepted)
            {
                unfiled.Add(check.ToString());
            }
        }

        if (voided.Count > 0 || unfiled.Count > 0)
        {
            _logger.LogWarning("Reader {ReaderId}: {Voided} signed record(s) never settled were voided; {Unfiled} journal record(s) could not be filed",
                readerId, voided.Count, unfiled.Count);
        }

        if (voided.Count > 0)
        {
            CheckoutTelemetry.Recovered.Add(voided.Count, new KeyValuePair<string, object?>(CheckoutTelemetry.ReaderIdTag, (long)readerId));
        }

        activity?.SetTag("medcard.recovery.voided", voided.Count);
        activity?.SetTag("medcard.recovery.unfiled", unfiled.Count);
        uint acknowledged = await AcknowledgeFiledAsync(cancellationToken).ConfigureAwait(false);
        _recoveryDue = false;
        return new RecoveryReport(voided, unfiled, acknowledged);
    }

    private async Task<CheckoutResult> RunAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        uint readerId = _client.ReaderId;
        (Refusal? early, long total) = await _settlement.PrecheckAsync(purchase.Items, purchase.InstitutionId, purchase.VisitType, cancellationToken)
            .ConfigureAwait(false);
        if (early is not null)
        {
            return Refused(early, early.Message + " (nothing was signed)", null, total);
        }

        TransactionType type = purchase.VisitType == VisitType.Emergency ? TransactionType.Emergency : TransactionType.Purchase;
        if (!TransactionTypes.IsAmountAllowed(type, total))
        {
            return Refused(CheckoutReasons.AmountNotSignable, "a " + type + " of " + total + " fen cannot be signed", null, total);
        }

        // The card.
        _options.Status?.Invoke("waiting up to " + _options.CardWait.TotalSeconds + " s for a card on reader " + readerId);
        CardEvent card;
        try
        {
            card = await _client.WaitForCardAsync(_options.CardWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Refused(CheckoutReasons.NoCard, "no card was presented within " + _options.CardWait.TotalSeconds + " s", null, total);
        }

        if (card.CardNumber is not { } cardNumber)
        {
            return Refused(CheckoutReasons.UnreadableCard, "the reader could not read the card's holder data (" + card.Details?.HolderStatus + ")", null, total);
        }

        if ((purchase.CardNumber is not null && purchase.CardNumber != cardNumber)
            || (purchase.CardUid is not null && !purchase.CardUid.AsSpan().SequenceEqual(card.Uid)))
        {
            return Refused(CheckoutReasons.UnexpectedCard, "card " + cardNumber + " is on the reader, not the one this purchase names", cardNumber, total);
        }

        // The PIN, judged by the ledger before anything is signed.
        Card? stored = await _cards.GetCardAsync(cardNumber, cancellationToken).ConfigureAwait(false);
        var entry = new PinEntryOptions
        {
            MinLength = PinDigits.MinLength,
            MaxLength = PinDigits.MaxLength,
            TriesRemaining = stored is null ? PinEntryOptions.Default.TriesRemaining : (byte)Math.Clamp(stored.PinTriesLeft, 0, CardRules.PinTries),
        };
        var pinCheck = new LedgerPinCheck(_cards);
        PinOutcome pin = await _client.RequestPinAsync(cardNumber, pinCheck, entry, cancellationToken).ConfigureAwait(false);
        if (pin != PinOutcome.Correct || pinCheck.Last?.Token is not { } token)
        {
            return pinCheck.Last?.Refusal is { } refusal
                ? Refused(refusal, refusal.Message + " (nothing was signed)", cardNumber, total)
                : Refused(CheckoutReasons.PinEntryPrefix + pin.ToString().ToLowerInvariant(), "the PIN entry ended " + pin + " (nothing was signed)",
                    cardNumber, total);
        }

        // The reader signs; the client verifies against the ledger's chain (in memory until filed).
        AuthorizationResult auth = await _client.AuthorizeAsync(cardNumber, total, type, cancellationToken).ConfigureAwait(false);
        if (auth.Check is { } signed && signed.Record.ReaderId == readerId)
        {
            _journalLatest = Math.Max(_journalLatest, signed.Record.Counter);
        }

        foreach (RecordCheck recovered in auth.Recovered.Where(c => c.AdvancesChain))
        {
            await VoidAsync(recovered.Record, NeverSettled, cancellationToken).ConfigureAwait(false);
        }

        if (auth.Check is not { } check)
        {
            return Refused(CheckoutReasons.AuthorizePrefix + auth.Status.ToString().ToLowerInvariant(), "the reader refused to sign: " + auth.Status,
                cardNumber, total);
        }

        SignedRecord record = check.Record;
        switch (check.Verdict)
        {
            case RecordVerdict.Accepted:
            case RecordVerdict.AcceptedAfterUnusedCounters:
            case RecordVerdict.AlreadyAccepted:
                return await SettleAsync(purchase, record, token, check, total, cancellationToken).ConfigureAwait(false);
            case RecordVerdict.DuplicateSigning:
            {
                // The reader signed this request a second time (its answer cache was lost): the first signing carries the
                // bill; this one is filed as void so the chain moves past it.
                ChainPosition before = await _chain.FiledAsync(readerId, cancellationToken).ConfigureAwait(false);
                await VoidAsync(record, "the reader signed the request of counter " + before.Counter + " again", cancellationToken).ConfigureAwait(false);
                return new CheckoutResult(CheckoutStatus.AlreadyCounted, ReasonCodes.Key(ReasonCode.None), "already counted as counter " + before.Counter,
                    readerId, record.Counter, cardNumber, total, check.Verdict.ToString(), null)
                {
                    AlreadyCountedAs = before.Counter,
                };
            }
            case RecordVerdict.UnknownReader:
                throw new CheckoutException(CheckoutReasons.ReaderNotProvisioned, "the ledger holds no key for reader " + readerId);
            default:
            {
                // Not a genuine next record of this reader as delivered (forged on the line, replayed, out of chain): the
                // reader may still have signed a genuine one; it is in its journal, so recover (void) it now.
                Refusal refusal = RefusalOf(check);
                await RecoverAsync(cancellationToken).ConfigureAwait(false);
                return new CheckoutResult(CheckoutStatus.Refused, refusal.Key, refusal.Message, readerId, record.Counter, cardNumber, total,
                    check.Verdict.ToString(), null)
                {
                    Refusal = refusal,
                };
            }
        }
    }

    private async Task<CheckoutResult> SettleAsync(Purchase purchase, SignedRecord record, PinVerificationToken token, RecordCheck check, long total,
        CancellationToken cancellationToken)
    {
        var tx = Transaction(record);
        var request = new SettlementRequest(tx, purchase.Items.ToList(), purchase.InstitutionId, purchase.VisitType, null, purchase.PayFromRelativeResidentId)
        {
            VerifiedPin = token,
        };
        SettlementOutcome outcome = await _settlement.SettleAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Record is null && outcome.Refusal is { } notStored)
        {
            // A genuine record the ledger refused without filing (expired PIN verification, UID of another card...): file
            // it as void with that reason, so the counter is accounted for and the chain moves on.
            await VoidAsync(record, notStored.Key + ": " + notStored.Message, cancellationToken).ConfigureAwait(false);
        }

        return outcome.Refusal is { } refusal
            ? new CheckoutResult(CheckoutStatus.Refused, refusal.Key, refusal.Message, record.ReaderId, record.Counter, record.CardNumber, total,
                check.Verdict.ToString(), outcome)
            {
                Refusal = refusal,
            }
            : new CheckoutResult(CheckoutStatus.Settled, ReasonCodes.Key(ReasonCode.None), outcome.ToString(), record.ReaderId, record.Counter,
                record.CardNumber, total, check.Verdict.ToString(), outcome);
    }

    private async Task<bool> VoidAsync(SignedRecord record, string reason, CancellationToken cancellationToken)
    {
        var filed = await _readers.VoidAsync(Transaction(record), reason, cancellationToken).ConfigureAwait(false);
        return filed is not null && filed.Outcome == ReasonCode.RecordVoided;
    }

    /// <summary>Tells the reader it may prune its journal up to the ledger's filed position (never the in-memory chain),
    /// and never beyond what the reader journaled (a re-provisioned reader starts above counters it never signed).</summary>
    private async Task<uint> AcknowledgeFiledAsync(CancellationToken cancellationToken)
    {
        uint readerId = _client.ReaderId;
        ChainPosition filed = await _chain.FiledAsync(readerId, cancellationToken).ConfigureAwait(false);
        uint upTo = Math.Min(filed.Counter, _journalLatest);
        if (upTo > _acknowledged)
        {
            await _client.AcknowledgeJournalAsync(upTo, cancellationToken).ConfigureAwait(false);
            _acknowledged = upTo;
        }

        return _acknowledged;
    }

    private static VerifiedTransaction Transaction(SignedRecord record) =>
        new(record.ReaderId, record.Counter, record.CardUid, record.CardNumber, record.Amount, DateTimeOffset.FromUnixTimeSeconds(record.Time))
        {
            Mac = record.Mac,
            HostNonce = record.HostNonce,
        };

    private static Refusal RefusalOf(RecordCheck check) => check.Verdict switch
    {
        RecordVerdict.Replayed => Refusal.Of(ReasonCode.RecordReplayed, check.Explanation.TrimEnd('.')),
        RecordVerdict.MissingRecords => Refusal.Of(ReasonCode.RecordOutOfOrder, check.Explanation.TrimEnd('.')),
        // Forged, ChainBroken (the reader's chain diverged), WrongReader: not a genuine next record of this reader.
        _ => Refusal.Of(ReasonCode.RecordForged, check.Explanation.TrimEnd('.')),
    };

    private CheckoutResult Refused(string reason, string message, string? cardNumber, long total) =>
        new(CheckoutStatus.Refused, reason, message, _client.ReaderId, 0, cardNumber, total, null, null);

    private CheckoutResult Refused(Refusal refusal, string message, string? cardNumber, long total) =>
        new(CheckoutStatus.Refused, refusal.Key, message, _client.ReaderId, 0, cardNumber, total, null, null) { Refusal = refusal };

    /// <summary>Closes the reader link. The ledger store stays open (it is the caller's).</summary>
    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        _holderMac?.Dispose();
        _gate.Dispose();
    }
}
