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
/// Runs one settlement end to end without hardware: the firmware's own reader core (<see cref="InProcessReader"/>, virtual
/// card field and keypad, flash in a directory beside the ledger) reads the card, takes the PIN on its keypad and signs
/// the record, all in protocol frames over an in-memory link; the host verifies the record (MAC, counter, chain) with
/// <see cref="RecordVerifier"/>, opens the PIN block with <see cref="PinBlockOpener"/> and hands record,
/// PIN and bill to <see cref="SettlementService"/>. <c>--fault</c> is played on the host side of the link only: the core
/// signs genuinely, the records it signed are tampered with, withheld or submitted again on their way to the host.
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
        string directory = InProcessReaderDirectory.For(_registry.StoreSpec, input.ReaderId);
        InProcessReader reader = InProcessReader.Open(directory)
            ?? throw new RefusedException("reader " + input.ReaderId + " cannot settle", "reader.not_provisioned",
                "it was never provisioned as an in-process reader", "medcard provision --reader " + input.ReaderId);
        (byte[] uid, string cardNumber, string residentId) = await PresentCardAsync(input, cancellationToken).ConfigureAwait(false);

        long total = 0;
        foreach (BillItem item in input.Items)
        {
            total = checked(total + item.Amount);
        }

        SignedRecord? replayed = null;
        if (input.Fault == SettlementFault.Replay)
        {
            replayed = LastAcceptedRecord.Load(directory)
                ?? throw CliException.BadInput("--fault replay needs a reader that has signed a record before", "settle once without --fault first");
        }

        var request = new AuthorizeRequest
        {
            Amount = total,
            TransactionType = SettleReport.TypeFor(input.VisitType),
            HostNonce = RandomNumberGenerator.GetBytes(SignedRecord.NonceLength),
            Time = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            CardNumber = cardNumber,
        };

        reader.Present(uid, cardNumber, residentId);
        (uint keyCounter, byte[] pinBlock) = EnterPin(reader, input);
        byte[] pinBlockCopy = (byte[])pinBlock.Clone();
        try
        {
            SettleReport report;
            switch (input.Fault)
            {
                case SettlementFault.Replay:
                {
                    // The reader signs this request, but its answer is swapped on the line for a copy of the record the host
                    // accepted before. The host files the withheld genuine record from the reader's journal (nothing
                    // settled) and the old copy, now below the chain, arrives: refused as replayed.
                    SignedRecord genuine = Sign(reader, request, input);
                    await RecoverAsync(input, directory, genuine, cancellationToken).ConfigureAwait(false);
                    report = await DeliverAsync(input, directory, replayed!, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);
                    break;
                }

                case SettlementFault.Forge:
                {
                    // The reader signs; one yuan is added on the way. The host then reads the genuine record back from the
                    // reader's journal and files it, so the reader's chain and the host's stay in step (nothing settled).
                    SignedRecord genuine = Sign(reader, request, input);
                    SignedRecord forged = Copy(genuine);
                    forged.Amount += 100;
                    report = await DeliverAsync(input, directory, forged, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);
                    await RecoverAsync(input, directory, genuine, cancellationToken).ConfigureAwait(false);
                    break;
                }

                case SettlementFault.Lost:
                {
                    // The answer carrying the first record never reaches the host; the holder tries again and the next
                    // record arrives first. The host then reads the missing one from the journal and files both in order.
                    SignedRecord lost = Sign(reader, request, input);
                    reader.PresentAgain();
                    (uint nextKeyCounter, byte[] nextPinBlock) = EnterPin(reader, input);
                    request.HostNonce = RandomNumberGenerator.GetBytes(SignedRecord.NonceLength);
                    SignedRecord next = Sign(reader, request, input);
                    CryptographicOperations.ZeroMemory(pinBlock);
                    report = await DeliverAsync(input, directory, next, nextKeyCounter, nextPinBlock, cancellationToken).ConfigureAwait(false);
                    await RecoverAsync(input, directory, lost, cancellationToken).ConfigureAwait(false);
                    await RecoverAsync(input, directory, next, cancellationToken).ConfigureAwait(false);
                    break;
                }

                case SettlementFault.Resend:
                {
                    SignedRecord record = Sign(reader, request, input);
                    report = await DeliverAsync(input, directory, record, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);
                    report = report with
                    {
                        Resend = await DeliverAsync(input, directory, record, keyCounter, pinBlockCopy, cancellationToken).ConfigureAwait(false),
                    };
                    break;
                }

                case SettlementFault.Resign:
                {
                    // The reader reboots between the host's send and its resend of the same request (same nonce): its answer
                    // cache is gone and the journal entry was acknowledged, so it signs the request again under its next counter.
                    SignedRecord record = Sign(reader, request, input);
                    report = await DeliverAsync(input, directory, record, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);

                    // The host has the record and acknowledges the journal entry; the reader only remembers the nonces of
                    // unacknowledged records (spec rule 7), so the late resend is a new request to it.
                    reader.AcknowledgeJournal(record.Counter);
                    reader.Reboot();
                    (uint againKeyCounter, byte[] againPinBlock) = EnterPin(reader, input);
                    SignedRecord again = Sign(reader, request, input);
                    report = report with
                    {
                        Resend = await DeliverAsync(input, directory, again, againKeyCounter, againPinBlock, cancellationToken).ConfigureAwait(false),
                    };
                    break;
                }

                default:
                {
                    SignedRecord record = Sign(reader, request, input);
                    report = await DeliverAsync(input, directory, record, keyCounter, pinBlock, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }

            // Whatever the host has filed the reader may drop from its journal (so it never fills up).
            ChainPosition filed = await ((IRecordChainStore)_registry).GetAsync(input.ReaderId, cancellationToken).ConfigureAwait(false);
            uint upTo = Math.Min(filed.Counter, reader.LastCounter);
            if (upTo > 0)
            {
                reader.AcknowledgeJournal(upTo);
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

    /// <summary>The holder types the PIN on the reader's keypad; the reader answers with the enciphered PIN block.</summary>
    private static (uint KeyCounter, byte[] PinBlock) EnterPin(InProcessReader reader, SettleInput input)
    {
        PinBlockResponse response = reader.EnterPin(input.Pin);
        if (response.Status != PinEntryStatus.Entered || response.PinBlock is null)
        {
            throw new ArgumentException("The PIN entry was not accepted by the keypad (4 to 12 digits).");
        }

        return (response.KeyCounter, response.PinBlock);
    }

    private static SignedRecord Sign(InProcessReader reader, AuthorizeRequest request, SettleInput input)
    {
        AuthorizeResponse response = reader.Authorize(request);
        if (response.Status != AuthorizeStatus.Approved || response.Record is null)
        {
            throw new RefusedException("reader " + input.ReaderId + " did not sign", "reader.authorize_" + response.Status.ToString().ToLowerInvariant(),
                "it answered " + response.Status, null);
        }

        return response.Record;
    }

    /// <summary>Journal recovery: a genuine record the host never settled is filed so the chain continues after it.</summary>
    private async Task RecoverAsync(SettleInput input, string directory, SignedRecord record, CancellationToken cancellationToken)
    {
        RecordCheck check = await _verifier.AcceptAsync(record, input.ReaderId, cancellationToken).ConfigureAwait(false);
        if (check.Verdict is RecordVerdict.Accepted or RecordVerdict.AcceptedAfterUnusedCounters)
        {
            LastAcceptedRecord.Save(directory, record);
        }
    }

    private static SignedRecord Copy(SignedRecord record)
    {
        byte[] bytes = new byte[record.EncodedLength];
        record.Encode(bytes, 0);
        return SignedRecord.Decode(bytes, 0, bytes.Length);
    }

    /// <summary>The host side of one delivery of a record and its PIN block.</summary>
    private async Task<SettleReport> DeliverAsync(SettleInput input, string directory, SignedRecord record, uint keyCounter, byte[] pinBlock,
        CancellationToken cancellationToken)
    {
        // The chain position before this record: for a second signing of the same request it names the record that
        // carried the bill.
        ChainPosition before = await ((IRecordChainStore)_registry).GetAsync(input.ReaderId, cancellationToken).ConfigureAwait(false);
        RecordCheck check = await _verifier.AcceptAsync(record, input.ReaderId, cancellationToken).ConfigureAwait(false);
        if (check.Verdict is RecordVerdict.Accepted or RecordVerdict.AcceptedAfterUnusedCounters)
        {
            LastAcceptedRecord.Save(directory, record);
        }

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

    /// <summary>The card the holder puts on the reader: its UID, card number and the resident ID personalised on it.</summary>
    private async Task<(byte[] Uid, string CardNumber, string ResidentId)> PresentCardAsync(SettleInput input, CancellationToken cancellationToken)
    {
        Card? card = await _store.InTransactionAsync(
            (s, _) => input.CardNumber is not null ? s.GetCardAsync(input.CardNumber) : s.GetCardByUidAsync(input.Uid!),
            cancellationToken).ConfigureAwait(false);
        if (input.Uid is not null && input.CardNumber is not null)
        {
            // Both given: the card in the field carries exactly these (a cloned UID shows up as a forged record).
            return (input.Uid, input.CardNumber, card?.ResidentId ?? PlaceholderResidentId);
        }

        if (card is null)
        {
            throw new RefusedException("the card " + (input.CardNumber ?? Convert.ToHexString(input.Uid!)) + " cannot settle",
                Refusal.Of(ReasonCode.UnknownCard));
        }

        return (card.Uid.ToArray(), card.CardNumber, card.ResidentId);
    }

    /// <summary>A well-formed resident ID for a card number the ledger does not know (the reader checks the form only).</summary>
    private const string PlaceholderResidentId = "110101198503074516";

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
