using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>
/// Settles bills, refunds them and reimburses loss-period outpatient costs.
///
/// A settlement with a PIN runs in one store transaction: every check, then the ledger's one PIN-try routine
/// (<see cref="PinTry"/>: a try spent before the compare, given back on a right PIN, under the card's row lock), then
/// the postings or the stored wrong-PIN refusal. A settlement with a <see cref="PinVerificationToken"/> counts no try.
/// </summary>
public sealed partial class SettlementService
{
    private readonly ILedgerStore _store;
    private readonly LedgerOptions _options;
    private readonly PinProtection _pins;

    /// <summary>A service on <paramref name="store"/>; <paramref name="options"/> sets the clock, PIN hashing cost and scheme time zone.</summary>
    public SettlementService(ILedgerStore store, LedgerOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new LedgerOptions();
        _pins = _options.PinProtection();
    }

    /// <summary>Settles one verified transaction: checks card, PIN (or a PIN verification token), institution and record, then posts the split; a resubmitted record gets its stored answer.</summary>
    public async Task<SettlementOutcome> SettleAsync(SettlementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Transaction);
        ArgumentNullException.ThrowIfNull(request.Items);
        if ((request.Pin is null) == (request.VerifiedPin is null))
        {
            throw new ArgumentException("Give either the PIN or a PIN verification token, not both and not neither.", nameof(request));
        }

        byte[] hash = SettlementHash.Of(request);
        if (request.VerifiedPin is not null)
        {
            return await SettleVerifiedAsync(request, request.VerifiedPin, hash, cancellationToken).ConfigureAwait(false);
        }

        return await _store.InTransactionAsync(async (s, _) =>
        {
            Checked check = await CheckAsync(s, request, hash, pinAlreadyCounted: false).ConfigureAwait(false);
            if (check.Done is not null)
            {
                return check.Done;
            }

            // The ledger's one PIN-try routine, under the card's row lock taken by CheckAsync.
            (bool right, Card card) = await PinTry.SpendAndCompareAsync(s, _pins, check.Card!, request.Pin!, check.Pin).ConfigureAwait(false);
            if (!right)
            {
                return await StoreRefusalAsync(s, request, hash, Refusal.WrongPin(card.PinTriesLeft), card.ResidentId).ConfigureAwait(false);
            }

            return await PostSettlementAsync(s, request, hash, check with { Card = card }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Settlement of a record whose PIN was checked before signing (<see cref="CardDesk.VerifyPinAsync"/>): no try
    /// is counted here. The token is spent before the transaction (a transaction body may run more than once);
    /// a duplicate delivery still gets the stored answer, and a token that does not vouch for this record
    /// (other card or reader, older record, expired, already spent) is refused as <c>request.invalid</c> without
    /// taking the record's (reader, counter) slot, so the record can still be settled with a fresh PIN check.
    /// </summary>
    private async Task<SettlementOutcome> SettleVerifiedAsync(SettlementRequest request, PinVerificationToken token, byte[] hash,
        CancellationToken cancellationToken)
    {
        string? mismatch = token.MismatchWith(request.Transaction, _options.Clock.GetUtcNow());
        if (mismatch is null && !token.TrySpend())
        {
            mismatch = "the PIN verification was already used for another settlement";
        }

        return await _store.InTransactionAsync(async (s, _) =>
        {
            Checked check = await CheckAsync(s, request, hash, pinAlreadyCounted: true).ConfigureAwait(false);
            if (check.Done is not null)
            {
                return check.Done;
            }

            return mismatch is not null
                ? SettlementOutcome.NotStored(Refusal.Of(ReasonCode.InvalidRequest, mismatch))
                : await PostSettlementAsync(s, request, hash, check).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The refusals that do not need the card or the signed record, for the checkout to give BEFORE the reader is asked
    /// to sign: an invalid or empty bill, an unknown institution, a non-designated one outside emergencies, a visit type
    /// without a policy. The same rules <see cref="SettleAsync"/> applies (one place for each). The refusal is null when none
    /// applies; the total is the bill total in fen.
    /// </summary>
    public async Task<(Refusal? Refusal, long Total)> PrecheckAsync(IReadOnlyList<BillItem> items, string institutionId, VisitType visitType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!BillIsValid(items, out string billProblem, out long total))
        {
            return (Refusal.Of(ReasonCode.InvalidBill, billProblem), 0);
        }

        if (string.IsNullOrEmpty(institutionId))
        {
            return (Refusal.Of(ReasonCode.UnknownInstitution, "no institution given"), total);
        }

        Refusal? refusal = await _store.InTransactionAsync(async (s, _) =>
        {
            Institution? institution = await s.GetInstitutionAsync(institutionId).ConfigureAwait(false);
            if (institution is null)
            {
                return Refusal.Of(ReasonCode.UnknownInstitution, institutionId);
            }

            if (!institution.Designated && visitType != VisitType.Emergency)
            {
                return Refusal.Of(ReasonCode.InstitutionNotDesignated);
            }

            return await s.GetPolicyAsync(visitType).ConfigureAwait(false) is null ? Refusal.Of(ReasonCode.NoPolicy, visitType.ToString()) : null;
        }, cancellationToken).ConfigureAwait(false);
        return (refusal, total);
    }

    private sealed partial record Checked(SettlementOutcome? Done, Card? Card, VisitPolicy? Policy, string? Note, PinCredential? Pin = null)
    {
        /// <summary>What the batched read found and locked (persons, accumulator, the reserved entry id).</summary>
        public SettlementInputs? Inputs { get; init; }
    }

    private static Checked Stop(SettlementOutcome outcome) => new(outcome, null, null, null);

    /// <summary>Every refusal rule, in a fixed order. Refusals of records that are not genuine new records
    /// (replayed, out of order, forged) are not stored; all others are stored under (reader, counter).
    /// Everything the rules read comes in one batch (<see cref="LedgerSession.GetSettlementInputsAsync"/>, one round trip).</summary>
    private async Task<Checked> CheckAsync(LedgerSession s, SettlementRequest request, byte[] hash, bool pinAlreadyCounted)
    {
        VerifiedTransaction tx = request.Transaction;
        SettlementInputs inputs = await s.GetSettlementInputsAsync(tx.ReaderId, tx.Counter, tx.CardNumber, request.InstitutionId, request.VisitType,
            request.PayFromRelativeResidentId, _options.AccountingYear(tx.Time)).ConfigureAwait(false);
        SettlementRecord? existing = inputs.Existing;
        if (existing is not null)
        {
            return Stop(existing.ContentHash.AsSpan().SequenceEqual(hash)
                ? SettlementOutcome.FromRecord(existing, duplicate: true)
                : SettlementOutcome.NotStored(Refusal.Of(ReasonCode.RecordReplayed, "reader " + tx.ReaderId + " counter " + tx.Counter)));
        }

        long last = inputs.ReaderLastCounter;
        if (tx.Counter <= last)
        {
            return Stop(SettlementOutcome.NotStored(Refusal.Of(ReasonCode.RecordOutOfOrder,
                "counter " + tx.Counter + ", last seen " + last)));
        }

        string? note = last >= 0 && tx.Counter > last + 1
            ? "reader " + tx.ReaderId + ": counter gap of " + (tx.Counter - last - 1) + " before " + tx.Counter + " (flagged, not refused)"
            : null;

        if (!BillIsValid(request.Items, out string billProblem, out long billTotal))
        {
            return Stop(await StoreRefusalAsync(s, request, hash, Refusal.Of(ReasonCode.InvalidBill, billProblem), null).ConfigureAwait(false));
        }

        if (billTotal != tx.Amount)
        {
            return Stop(SettlementOutcome.NotStored(Refusal.Of(ReasonCode.RecordForged,
                "signed amount " + SettlementCalculator.Fen(tx.Amount) + " differs from the bill total " + SettlementCalculator.Fen(billTotal))));
        }

        Card? card = inputs.Card;
        if (card is null)
        {
            return Stop(await StoreRefusalAsync(s, request, hash, Refusal.Of(ReasonCode.UnknownCard), null).ConfigureAwait(false));
        }

        if (tx.CardUid is null || !card.Uid.AsSpan().SequenceEqual(tx.CardUid))
        {
            // A UID that does not belong to the card number: a cloned or rewritten card.
            return Stop(SettlementOutcome.NotStored(Refusal.Of(ReasonCode.RecordForged, "card UID does not belong to the card number")));
        }

        bool emergency = request.VisitType == VisitType.Emergency;
        Refusal? refusal = null;
        Institution? institution = inputs.Institution;
        (VisitPolicy? policy, RegionRoute route) = await PolicyForAsync(s, inputs, request.VisitType).ConfigureAwait(false);
        if (card.Lifecycle == CardLifecycle.Replaced)
        {
            refusal = Refusal.Of(ReasonCode.CardReplaced, "replaced by a new card");
        }
        else if (card.Lifecycle == CardLifecycle.ReportedLost && !emergency)
        {
            refusal = Refusal.Of(ReasonCode.CardReportedLost);
        }
        else if (institution is null)
        {
            refusal = Refusal.Of(ReasonCode.UnknownInstitution, request.InstitutionId);
        }
        else if (!institution.Designated && !emergency)
        {
            refusal = Refusal.Of(ReasonCode.InstitutionNotDesignated);
        }
        else if (card.UnprintedCount >= CardRules.UnprintedRecordLimit)
        {
            refusal = Refusal.Of(ReasonCode.UnprintedRecordLimit);
        }
        else if (policy is null)
        {
            refusal = Refusal.Of(ReasonCode.NoPolicy, request.VisitType.ToString());
        }
        else if (request.PayFromRelativeResidentId is { } relative
            && (relative == card.ResidentId || !inputs.RelativeBound))
        {
            refusal = Refusal.Of(ReasonCode.RelativeNotBound);
        }
        else if (!pinAlreadyCounted && card.PinTriesLeft <= 0)
        {
            refusal = Refusal.Of(ReasonCode.PinBlocked);
        }

        if (refusal is not null)
        {
            return Stop(await StoreRefusalAsync(s, request, hash, refusal, card.ResidentId).ConfigureAwait(false));
        }

        return new Checked(null, card, policy, note, inputs.Pin) { Route = route, Inputs = inputs };
    }

    private static bool BillIsValid(IReadOnlyList<BillItem> items, out string problem, out long total)
    {
        total = 0;
        if (items.Count == 0)
        {
            problem = "no items";
            return false;
        }

        foreach (BillItem item in items)
        {
            if (item is null)
            {
                problem = "null item";
                return false;
            }

            if (!item.IsValid(out problem))
            {
                return false;
            }

            total = checked(total + item.Amount);
        }

        problem = string.Empty;
        return true;
    }

    private async Task<SettlementOutcome> StoreRefusalAsync(
        LedgerSession s, SettlementRequest request, byte[] hash, Refusal refusal, string? residentId)
    {
        VerifiedTransaction tx = request.Transaction;
        var record = new SettlementRecord(tx.ReaderId, tx.Counter, hash, refusal.Code, refusal.Message, refusal.PinTriesLeft, tx.CardNumber,
            residentId, request.InstitutionId, request.VisitType, _options.AccountingYear(tx.Time), tx.Time, tx.Amount, 0, 0, 0, 0, null, 0,
            "refused: " + refusal.Key, null, null);
        await s.InsertSettlementAsync(record).ConfigureAwait(false);
        await s.SetReaderLastCounterAsync(tx.ReaderId, tx.Counter, tx.Mac, tx.HostNonce).ConfigureAwait(false);
        return SettlementOutcome.FromRecord(record, duplicate: false);
    }

    private async Task<SettlementOutcome> PostSettlementAsync(LedgerSession s, SettlementRequest request, byte[] hash, Checked check)
    {
        VerifiedTransaction tx = request.Transaction;
        Card card = check.Card!;
        string? relativeId = request.PayFromRelativeResidentId;

        // The persons (in ordinal order) and the accumulator came locked with the settlement's first read, and the journal
        // entry's id was reserved there: the rest of the settlement is queued writes that go with the COMMIT.
        int year = _options.AccountingYear(tx.Time);
        SettlementInputs inputs = check.Inputs!;
        Person? own = null, relative = null;
        foreach (Person p in inputs.Persons)
        {
            if (p.ResidentId == card.ResidentId)
            {
                own = p;
            }
            else if (p.ResidentId == relativeId)
            {
                relative = p;
            }
        }

        if (own is null || (relativeId is not null && relative is null))
        {
            throw new InvalidOperationException("Card holder or relative missing from persons.");
        }

        Accumulator ytd = inputs.YearToDate is { } found
            ? new Accumulator(card.ResidentId, year, request.VisitType, found.DeductibleMet, found.FundPaid)
            : new Accumulator(card.ResidentId, year, request.VisitType, 0, 0);
        long entryId = inputs.EntryId;
        await s.OpenEntryAsync(entryId, EntryKind.Settlement, tx.ReaderId + "/" + tx.Counter, _options.Clock.GetUtcNow()).ConfigureAwait(false);

        FundShare share = SettlementCalculator.ComputeFundShare(request.Items, check.Policy!, ytd);
        PaymentSplit split = SettlementCalculator.SplitOutOfPocket(share.OutOfPocket, own.Balance, relativeId, relative?.Balance ?? 0);

        var postings = new List<Posting>
        {
            new(LedgerAccounts.Institution(request.InstitutionId), share.Total),
            new(LedgerAccounts.RegionFund(check.Route.Treatment), -share.Fund),
            new(LedgerAccounts.Personal(card.ResidentId), -split.OwnAccount),
            new(LedgerAccounts.Cash, -split.Cash),
        };
        if (relativeId is not null)
        {
            postings.Add(new Posting(LedgerAccounts.Personal(relativeId), -split.RelativeAccount));
        }

        await s.InsertPostingsAsync(entryId, postings).ConfigureAwait(false);
        await RecordClearingAsync(s, tx, check.Route, share.Fund).ConfigureAwait(false);
        if (split.OwnAccount > 0)
        {
            await s.AddToBalanceAsync(card.ResidentId, -split.OwnAccount).ConfigureAwait(false);
        }

        if (split.RelativeAccount > 0)
        {
            await s.AddToBalanceAsync(relativeId!, -split.RelativeAccount).ConfigureAwait(false);
        }

        await s.UpsertAccumulatorAsync(ytd with
        {
            DeductibleMet = ytd.DeductibleMet + share.DeductibleApplied,
            FundPaid = ytd.FundPaid + share.Fund,
        }, exists: inputs.YearToDate is not null).ConfigureAwait(false);

        Card updated = card with { PinTriesLeft = CardRules.PinTries, UnprintedCount = card.UnprintedCount + 1 };
        await s.UpdateCardAsync(updated).ConfigureAwait(false);
        await s.InsertCardRecordAsync(new CardRecord(0, card.CardNumber, card.CardNumber, tx.ReaderId, tx.Counter, tx.Time,
            request.InstitutionId, request.VisitType, share.Total, share.Fund, split.OwnAccount + split.RelativeAccount, split.Cash, null, false))
            .ConfigureAwait(false);

        var steps = new List<string>();
        if (check.Note is not null)
        {
            steps.Add(check.Note);
        }

        if (card.Lifecycle == CardLifecycle.ReportedLost)
        {
            steps.Add("card reported lost: settled under the emergency exception");
        }

        steps.AddRange(RemoteSteps(check.Route));
        steps.AddRange(share.Steps);
        steps.AddRange(split.Steps);
        steps.Add("card now has " + updated.UnprintedCount + " of " + CardRules.UnprintedRecordLimit + " unprinted records");

        var record = new SettlementRecord(tx.ReaderId, tx.Counter, hash, ReasonCode.None, ReasonCodes.DefaultMessage(ReasonCode.None), null,
            card.CardNumber, card.ResidentId, request.InstitutionId, request.VisitType, year, tx.Time, share.Total, share.Fund,
            share.DeductibleApplied, split.OwnAccount, split.RelativeAccount, relativeId, split.Cash, string.Join('\n', steps), entryId, null);
        await s.InsertSettlementAsync(record).ConfigureAwait(false);
        await s.SetReaderLastCounterAsync(tx.ReaderId, tx.Counter, tx.Mac, tx.HostNonce, known: inputs.ReaderLastCounter >= 0).ConfigureAwait(false);
        return SettlementOutcome.FromRecord(record, duplicate: false);
    }

    internal static IEnumerable<string> OrderedIds(string a, string? b)
    {
        if (b is null || b == a)
        {
            yield return a;
        }
        else if (string.CompareOrdinal(a, b) < 0)
        {
            yield return a;
            yield return b;
        }
        else
        {
            yield return b;
            yield return a;
        }
    }
}
