using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Host.Crypto;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Readers;

/// <summary>
/// Runs one settlement end to end without hardware: the simulated reader reads the card, takes the PIN on
/// its keypad and signs the record; the host verifies the record (MAC, counter, chain) with
/// <see cref="RecordVerifier"/>, opens the PIN block with <see cref="PinBlockOpener"/> and hands record,
/// PIN and bill to <see cref="SettlementService"/>.
/// </summary>
internal sealed class SettlementDriver
{
    private readonly ILedgerStore _store;
    private readonly ReaderRegistry _registry;
    private readonly SettlementService _settlement;
    private readonly RecordVerifier _verifier;
    private readonly PinBlockOpener _opener;

    public SettlementDriver(ILedgerStore store, ReaderRegistry registry)
    {
        _store = store;
        _registry = registry;
        _settlement = new SettlementService(store);
        var hmac = new DotNetHmacSha256();
        _verifier = new RecordVerifier(registry, registry, hmac);
        _opener = new PinBlockOpener(registry, hmac, new DotNetAes128());
    }

    public async Task<SettleReport> SettleAsync(SettleInput input, CancellationToken cancellationToken)
    {
        SimulatedReaderState state = await _registry.GetSimulatedAsync(input.ReaderId, cancellationToken).ConfigureAwait(false)
            ?? throw new RefusedException("reader " + input.ReaderId + " cannot settle", "reader.not_provisioned",
                "it was never provisioned as a simulated reader", "medcard provision --reader " + input.ReaderId);
        var reader = new SimulatedReader(_registry, state);
        (byte[] uid, string cardNumber) = await PresentCardAsync(input, cancellationToken).ConfigureAwait(false);

        long total = 0;
        foreach (BillItem item in input.Items)
        {
            total = checked(total + item.Amount);
        }

        byte[] nonce = RandomNumberGenerator.GetBytes(SignedRecord.NonceLength);
        uint time = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        TransactionType type = SettleReport.TypeFor(input.VisitType);
        uint keyCounter = reader.NextCounter;
        byte[] pinBlock = reader.EnterPin(input.Pin, cardNumber);
        byte[] pinBlockCopy = (byte[])pinBlock.Clone();
        try
        {
            if (input.Fault == SettlementFault.Lost)
            {
                return await LoseOneRecordAsync(input, reader, uid, cardNumber, total, type, time, nonce, cancellationToken).ConfigureAwait(false);
            }

            SignedRecord record = input.Fault switch
            {
                SettlementFault.Replay => StaleRecord(reader, uid, cardNumber, total, type, time, nonce),
                SettlementFault.Forge => reader.SignTampered(uid, cardNumber, total, type, time, nonce),
                _ => await reader.SignAsync(uid, cardNumber, total, type, time, nonce, cancellationToken).ConfigureAwait(false),
            };

            SettleReport report = await DeliverAsync(input, record, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);
            if (input.Fault == SettlementFault.Resend)
            {
                report = report with { Resend = await DeliverAsync(input, record, keyCounter, pinBlockCopy, cancellationToken).ConfigureAwait(false) };
            }
            else if (input.Fault == SettlementFault.Resign)
            {
                // The same request (same nonce) signed again after a reboot lost the reader's answer cache.
                SignedRecord again = await reader.SignAsync(uid, cardNumber, total, type, time, nonce, cancellationToken).ConfigureAwait(false);
                report = report with { Resend = await DeliverAsync(input, again, reader.NextCounter, pinBlockCopy, cancellationToken).ConfigureAwait(false) };
            }

            return report;
        }
        finally
        {
            // The host library wipes what it opens; these cover the paths that never reach it.
            CryptographicOperations.ZeroMemory(pinBlock);
            CryptographicOperations.ZeroMemory(pinBlockCopy);
        }
    }

    private async Task<SettleReport> LoseOneRecordAsync(SettleInput input, SimulatedReader reader, byte[] uid, string cardNumber, long total,
        TransactionType type, uint time, byte[] nonce, CancellationToken cancellationToken)
    {
        SignedRecord lost = await reader.SignAsync(uid, cardNumber, total, type, time, nonce, cancellationToken).ConfigureAwait(false);
        uint keyCounter = reader.NextCounter;
        byte[] pinBlock = reader.EnterPin(input.Pin, cardNumber);
        SignedRecord next = await reader.SignAsync(uid, cardNumber, total, type, time, RandomNumberGenerator.GetBytes(SignedRecord.NonceLength),
            cancellationToken).ConfigureAwait(false);
        SettleReport report = await DeliverAsync(input, next, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);

        // Journal recovery: both records are genuine; accepting them in order puts the host's chain back in step.
        await _verifier.AcceptAsync(lost, input.ReaderId, cancellationToken).ConfigureAwait(false);
        await _verifier.AcceptAsync(next, input.ReaderId, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private static SignedRecord StaleRecord(SimulatedReader reader, byte[] uid, string cardNumber, long total, TransactionType type, uint time, byte[] nonce)
    {
        if (reader.State.Counter == 0)
        {
            throw CliException.BadInput("--fault replay needs a reader that has signed a record before", "settle once without --fault first");
        }

        return reader.SignWithStaleCounter(uid, cardNumber, total, type, time, nonce);
    }

    /// <summary>The host side of one delivery of a record and its PIN block.</summary>
    private async Task<SettleReport> DeliverAsync(SettleInput input, SignedRecord record, uint keyCounter, byte[] pinBlock,
        CancellationToken cancellationToken)
    {
        // The chain position before this record: for a second signing of the same request it names the record that
        // carried the bill.
        ChainPosition before = await ((IRecordChainStore)_registry).GetAsync(input.ReaderId, cancellationToken).ConfigureAwait(false);
        RecordCheck check = await _verifier.AcceptAsync(record, input.ReaderId, cancellationToken).ConfigureAwait(false);
        var report = new SettleReport(record.ReaderId, record.Counter, record.CardNumber, record.Amount, input.VisitType, input.InstitutionId,
            check.Verdict.ToString(), null, null);
        if (check.Verdict == RecordVerdict.DuplicateSigning)
        {
            // Genuine, but it signs a request already counted: settling it would charge the bill twice (the ledger
            // dedupes by reader and counter, and this counter is new). Already counted, not a refusal.
            CryptographicOperations.ZeroMemory(pinBlock);
            return report with { AlreadyCountedAs = before.Counter };
        }

        Refusal? refusal = check.Verdict switch
        {
            RecordVerdict.Accepted or RecordVerdict.AcceptedAfterUnusedCounters or RecordVerdict.AlreadyAccepted => null,
            RecordVerdict.UnknownReader => throw new RefusedException("reader " + input.ReaderId + " cannot settle", "reader.not_provisioned",
                "the host holds no key for it", "medcard provision --reader " + input.ReaderId),
            _ => RefusalOf(check),
        };
        if (refusal is not null)
        {
            CryptographicOperations.ZeroMemory(pinBlock);
            return report with { Refusal = refusal };
        }

        var tx = new VerifiedTransaction(record.ReaderId, record.Counter, record.CardUid, record.CardNumber, record.Amount,
            DateTimeOffset.FromUnixTimeSeconds(record.Time));
        var pinVerifier = new SettlingPinVerifier(_settlement, tx, input);
        PinOutcome pin = await _opener.OpenAndVerifyAsync(record.ReaderId, keyCounter, pinBlock, record.CardNumber, pinVerifier, cancellationToken)
            .ConfigureAwait(false);
        if (pinVerifier.Outcome is null)
        {
            return report with { Refusal = Refusal.Of(ReasonCode.RecordForged, "the PIN block did not decode (" + pin + ")") };
        }

        return report with { Outcome = pinVerifier.Outcome, Refusal = pinVerifier.Outcome.Refusal };
    }

    /// <summary>The ledger refusal for a record the host's verifier did not count (DuplicateSigning and the accepted
    /// verdicts are not refusals and are handled before this).</summary>
    internal static Refusal RefusalOf(RecordCheck check) => check.Verdict switch
    {
        RecordVerdict.Replayed => Refusal.Of(ReasonCode.RecordReplayed, check.Explanation.TrimEnd('.')),
        RecordVerdict.MissingRecords => Refusal.Of(ReasonCode.RecordOutOfOrder, check.Explanation.TrimEnd('.')),
        // Forged, ChainBroken (the reader's chain diverged), WrongReader: not a genuine next record of this reader.
        _ => Refusal.Of(ReasonCode.RecordForged, check.Explanation.TrimEnd('.')),
    };

    private async Task<(byte[] Uid, string CardNumber)> PresentCardAsync(SettleInput input, CancellationToken cancellationToken)
    {
        if (input.Uid is not null && input.CardNumber is not null)
        {
            return (input.Uid, input.CardNumber); // both given: the card in the field carries exactly these
        }

        Card? card = await _store.InTransactionAsync(
            (s, _) => input.CardNumber is not null ? s.GetCardAsync(input.CardNumber) : s.GetCardByUidAsync(input.Uid!),
            cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            throw new RefusedException("the card " + (input.CardNumber ?? Convert.ToHexString(input.Uid!)) + " cannot settle",
                Refusal.Of(ReasonCode.UnknownCard));
        }

        return (card.Uid.ToArray(), card.CardNumber);
    }

    /// <summary>
    /// The PIN verifier the host library calls with the deciphered digits. Settlement owns the PIN try
    /// counter (decrement before compare) and needs the PIN for this very transaction, so verifying the PIN
    /// here means settling: the digits go into <see cref="PinDigits"/> (wiped on dispose) and never anywhere else.
    /// </summary>
    private sealed class SettlingPinVerifier(SettlementService settlement, VerifiedTransaction transaction, SettleInput input) : IPinVerifier
    {
        public SettlementOutcome? Outcome { get; private set; }

        public async ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken)
        {
            using var pin = new PinDigits(digits.Span);
            var settle = new SettlementRequest(transaction, input.Items.ToList(), input.InstitutionId, input.VisitType, pin,
                input.PayFromRelativeResidentId);
            Outcome = await settlement.SettleAsync(settle, cancellationToken).ConfigureAwait(false);
            return Outcome.Refusal?.Code switch
            {
                ReasonCode.PinWrong => PinCheck.Wrong,
                ReasonCode.PinBlocked => PinCheck.Blocked,
                _ => PinCheck.Correct,
            };
        }
    }
}
