using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests.Properties;

/// <summary>
/// Runs a random history against a real ledger and, step by step, against a small model of the card
/// rules. Every step's outcome code must be the one the rules predict from the model state; settled
/// money must split exactly (own account first, then relative, rest cash); refunds and claims must move
/// balances by exactly their amounts; at the end the stored ledger must pass the audit and agree with the
/// model card by card.
/// </summary>
internal sealed class LedgerModelRunner
{
    private sealed class PersonModel
    {
        public required TestLedger.Holder Holder { get; init; }
        public required string Card { get; set; }
        public required byte[] Uid { get; set; }
        public byte[] Pin { get; set; } = TestLedger.DefaultPin;
        public CardLifecycle Life { get; set; } = CardLifecycle.Active;
        public int Tries { get; set; } = CardRules.PinTries;
        public int Unprinted { get; set; }
        public DateTimeOffset? LostAt { get; set; }
        public List<(string Card, byte[] Uid)> OldCards { get; } = new();
        public List<(DateTimeOffset Lost, DateTimeOffset Replaced, string Card)> LossWindows { get; } = new();
    }

    private sealed record SettledRef(uint Reader, uint Counter, int Holder, int? Relative, long Own, long RelativeShare);

    private readonly TestLedger _l;
    private readonly List<PersonModel> _people = new();
    private readonly HashSet<(int Payer, int Beneficiary)> _bindings = new();
    private readonly List<SettledRef> _settled = new();
    private readonly HashSet<int> _refunded = new();
    private DateTimeOffset _clock = TestLedger.Day;
    private int _step;
    private long _ledgerCalls;

    private LedgerModelRunner(TestLedger ledger) => _l = ledger;

    public static async Task<HistoryFigures> RunAsync(TestLedger ledger, IReadOnlyList<LedgerOp> ops)
    {
        var runner = new LedgerModelRunner(ledger);
        for (int i = 0; i < LedgerOp.People; i++)
        {
            TestLedger.Holder h = await ledger.EnrolAsync(i * 150_00);
            runner._people.Add(new PersonModel { Holder = h, Card = h.CardNumber, Uid = h.Uid });
        }

        foreach (LedgerOp op in ops)
        {
            runner._step++;
            runner._clock = runner._clock.AddHours(1);
            await runner.ApplyAsync(op);
            await runner.VerifyStepAsync(op);
        }

        await runner.VerifyEndStateAsync();
        return new HistoryFigures(ops.Count, runner._ledgerCalls);
    }

    private static byte[] PinFrom(int variant) =>
        [(byte)(variant % 10), (byte)(variant / 10 % 10), (byte)(variant / 100 % 10), (byte)(variant / 1000 % 10)];

    private async Task ApplyAsync(LedgerOp original)
    {
        _ledgerCalls++;
        if (original.Kind == OpKind.Enrol)
        {
            if (_people.Count < LedgerOp.MaxPeople)
            {
                TestLedger.Holder h = await _l.EnrolAsync(original.Amount);
                _people.Add(new PersonModel { Holder = h, Card = h.CardNumber, Uid = h.Uid });
                Assert.Equal(original.Amount, await _l.BalanceAsync(h.ResidentId));
            }

            return;
        }

        LedgerOp op = original with { Person = original.Person % _people.Count, Other = original.Other % _people.Count };
        PersonModel p = _people[op.Person];
        switch (op.Kind)
        {
            case OpKind.Settle:
                {
                    VisitType visit = (VisitType)(op.Variant % 4 + 1);
                    string institution = op.Variant % 5 == 0 ? TestLedger.Clinic : TestLedger.Hospital;
                    int? relative = op.Variant % 3 == 0 && op.Other != op.Person ? op.Other : null;
                    await SettleAsync(op.Person, op.Amount, visit, institution, op.Variant % 7 != 0, relative, Bill(op));
                    break;
                }

            case OpKind.SettleAfterPinCheck:
                {
                    VisitType visit = (VisitType)(op.Variant % 4 + 1);
                    string institution = op.Variant % 5 == 0 ? TestLedger.Clinic : TestLedger.Hospital;
                    int? relative = op.Variant % 3 == 0 && op.Other != op.Person ? op.Other : null;
                    await SettleAsync(op.Person, op.Amount, visit, institution, op.Variant % 7 != 0, relative, Bill(op), pinCheckedFirst: true);
                    break;
                }

            case OpKind.Burst:
                for (int i = 0; i < 20 + op.Variant % 25; i++)
                {
                    _ledgerCalls += i == 0 ? 0 : 1;
                    await SettleAsync(op.Person, 1_00 + i, VisitType.Outpatient, TestLedger.Hospital, true, null, null);
                }

                break;

            case OpKind.SettleOnOldCard:
                if (p.OldCards.Count > 0)
                {
                    (string card, byte[] uid) = p.OldCards[op.Variant % p.OldCards.Count];
                    SettlementOutcome o = await _l.SettleAsync(card, uid, TestLedger.Covered(op.Amount), VisitType.Emergency,
                        time: _clock);
                    Assert.Equal(ReasonCode.CardReplaced, o.Refusal?.Code);
                }

                break;

            case OpKind.Refund:
                await RefundAsync(op);
                break;

            case OpKind.ReportLoss:
                {
                    bool wrongName = op.Variant % 6 == 0;
                    DeskResult r = await _l.Desk.ReportLossAsync(new LossReport(p.Card, wrongName ? "Nobody" : p.Holder.Name,
                        p.Holder.ResidentId, LossChannel.Phone, _clock) { Employer = TestLedger.Employer }, TestLedger.Ct);
                    ReasonCode expected = wrongName ? ReasonCode.LossReportInWriting
                        : p.Life == CardLifecycle.Active ? ReasonCode.None : ReasonCode.InvalidCardState;
                    Assert.Equal(expected, Code(r));
                    if (r.Succeeded)
                    {
                        p.Life = CardLifecycle.ReportedLost;
                        p.LostAt = _clock;
                    }

                    break;
                }

            case OpKind.CancelLoss:
                {
                    DeskResult r = await _l.Desk.CancelLossReportAsync(p.Card, p.Holder.ResidentId, TestLedger.Ct);
                    Assert.Equal(p.Life == CardLifecycle.ReportedLost ? ReasonCode.None : ReasonCode.InvalidCardState, Code(r));
                    if (r.Succeeded)
                    {
                        p.Life = CardLifecycle.Active;
                        p.LostAt = null;
                    }

                    break;
                }

            case OpKind.Replace:
                {
                    string number = "R" + op.Person + "-" + _step.ToString(CultureInfo.InvariantCulture);
                    byte[] uid = [0x08, (byte)op.Person, (byte)_step, (byte)(_step >> 8)];
                    byte[] pin = PinFrom(op.Variant);
                    using var digits = new PinDigits(pin);
                    DeskResult r = await _l.Desk.ReplaceCardAsync(new CardReplacement(p.Card, p.Holder.ResidentId, number, uid, digits, _clock),
                        TestLedger.Ct);
                    Assert.True(r.Succeeded, r.ToString());
                    if (p.Life == CardLifecycle.ReportedLost)
                    {
                        p.LossWindows.Add((p.LostAt!.Value, _clock, p.Card));
                    }

                    p.OldCards.Add((p.Card, p.Uid));
                    p.Card = number;
                    p.Uid = uid;
                    p.Pin = pin;
                    p.Life = CardLifecycle.Active;
                    p.Tries = CardRules.PinTries;
                    p.LostAt = null;
                    break;
                }

            case OpKind.Bind:
                {
                    DeskResult r = await _l.Desk.BindRelativeAsync(p.Holder.ResidentId, _people[op.Other].Holder.ResidentId,
                        (Relation)(op.Variant % 6 + 1), TestLedger.Ct);
                    ReasonCode expected = op.Person == op.Other ? ReasonCode.InvalidRequest
                        : _bindings.Contains((op.Person, op.Other)) ? ReasonCode.AlreadyExists : ReasonCode.None;
                    Assert.Equal(expected, Code(r));
                    if (r.Succeeded)
                    {
                        _bindings.Add((op.Person, op.Other));
                    }

                    break;
                }

            case OpKind.Unbind:
                {
                    DeskResult r = await _l.Desk.UnbindRelativeAsync(p.Holder.ResidentId, _people[op.Other].Holder.ResidentId, TestLedger.Ct);
                    Assert.Equal(_bindings.Remove((op.Person, op.Other)) ? ReasonCode.None : ReasonCode.InvalidRequest, Code(r));
                    break;
                }

            case OpKind.Print:
                {
                    Statement? s = await _l.Desk.PrintStatementAsync(p.Card, TestLedger.Ct);
                    Assert.Equal(p.Unprinted, s!.Records.Count);
                    p.Unprinted = 0;
                    Assert.True((await _l.Desk.PrintStatementAsync(p.Card, TestLedger.Ct))!.IsEmpty);
                    break;
                }

            case OpKind.ResetPin:
                {
                    byte[] pin = PinFrom(op.Variant);
                    using var digits = new PinDigits(pin);
                    Assert.True((await _l.Desk.ResetPinAsync(p.Card, p.Holder.ResidentId, digits, TestLedger.Ct)).Succeeded);
                    p.Pin = pin;
                    p.Tries = CardRules.PinTries;
                    break;
                }

            case OpKind.ChangePin:
                await ChangePinAsync(p, op);
                break;

            case OpKind.Claim:
                await ClaimAsync(p, op);
                break;

            case OpKind.Credit:
                {
                    long before = await _l.BalanceAsync(p.Holder.ResidentId);
                    Assert.True((await _l.Desk.CreditPersonalAccountAsync(p.Holder.ResidentId, op.Amount, "CR-" + _step, TestLedger.Ct)).Succeeded);
                    Assert.Equal(before + op.Amount, await _l.BalanceAsync(p.Holder.ResidentId));
                    break;
                }
        }
    }

    private static BillItem[]? Bill(LedgerOp op)
    {
        if (op.Variant % 2 == 0 || op.Amount < 3)
        {
            return null;
        }

        long covered = op.Amount / 2, partly = op.Amount / 3, self = op.Amount - covered - partly;
        return
        [
            new BillItem("C", "covered", ItemClass.Covered, covered),
            new BillItem("P", "partly self-paid", ItemClass.PartlySelfPaid, partly, op.Variant % 10_001),
            new BillItem("S", "fully self-paid", ItemClass.FullySelfPaid, self),
        ];
    }

    private async Task SettleAsync(int who, long amount, VisitType visit, string institution, bool rightPin, int? relative, BillItem[]? bill,
        bool pinCheckedFirst = false)
    {
        PersonModel p = _people[who];
        if (pinCheckedFirst)
        {
            await SettleAfterPinCheckAsync(p, amount, visit, institution, rightPin, relative, bill);
            return;
        }

        bool emergency = visit == VisitType.Emergency;
        ReasonCode expected =
            p.Life == CardLifecycle.ReportedLost && !emergency ? ReasonCode.CardReportedLost
            : institution == TestLedger.Clinic && !emergency ? ReasonCode.InstitutionNotDesignated
            : p.Unprinted >= CardRules.UnprintedRecordLimit ? ReasonCode.UnprintedRecordLimit
            : relative is int r && !_bindings.Contains((r, who)) ? ReasonCode.RelativeNotBound
            : p.Tries == 0 ? ReasonCode.PinBlocked
            : !rightPin ? (p.Tries == 1 ? ReasonCode.PinBlocked : ReasonCode.PinWrong)
            : ReasonCode.None;

        string? relativeId = relative is int q ? _people[q].Holder.ResidentId : null;
        long ownBefore = await _l.BalanceAsync(p.Holder.ResidentId);
        long relativeBefore = relativeId is null ? 0 : await _l.BalanceAsync(relativeId);
        byte[] pin = rightPin ? p.Pin : [p.Pin[0] == 9 ? (byte)0 : (byte)(p.Pin[0] + 1), .. p.Pin[1..]];
        SettlementOutcome o = await _l.SettleAsync(p.Card, p.Uid, bill ?? TestLedger.Covered(amount), visit, institution, pin, relativeId,
            time: _clock);

        Assert.Equal(expected, o.Refusal?.Code ?? ReasonCode.None);
        if (!rightPin && expected is ReasonCode.PinWrong or ReasonCode.PinBlocked && p.Tries > 0)
        {
            p.Tries--;
            Assert.Equal(p.Tries, o.Refusal!.PinTriesLeft);
        }

        if (!o.Settled)
        {
            Assert.Equal(ownBefore, await _l.BalanceAsync(p.Holder.ResidentId));
            return;
        }

        long total = o.Record!.Total;
        long outOfPocket = total - o.Fund;
        Assert.InRange(o.Fund, 0, total);
        Assert.Equal(total, o.Fund + o.OwnAccount + o.RelativeAccount + o.Cash);
        Assert.Equal(Math.Min(outOfPocket, ownBefore), o.OwnAccount);
        Assert.Equal(relativeId is null ? 0 : Math.Min(outOfPocket - o.OwnAccount, relativeBefore), o.RelativeAccount);
        Assert.Equal(ownBefore - o.OwnAccount, await _l.BalanceAsync(p.Holder.ResidentId));
        if (relativeId is not null)
        {
            Assert.Equal(relativeBefore - o.RelativeAccount, await _l.BalanceAsync(relativeId));
        }

        p.Tries = CardRules.PinTries;
        p.Unprinted++;
        _settled.Add(new SettledRef(o.Record.ReaderId, o.Record.Counter, who, relative, o.OwnAccount, o.RelativeAccount));
    }

    /// <summary>
    /// PIN first, like a connected reader: a wrong PIN spends a try and nothing is signed or settled; a right one
    /// restores the tries and its token settles the record (the non-PIN rules still apply), without a second try.
    /// </summary>
    private async Task SettleAfterPinCheckAsync(PersonModel p, long amount, VisitType visit, string institution, bool rightPin, int? relative,
        BillItem[]? bill)
    {
        int who = _people.IndexOf(p);
        byte[] pin = rightPin ? p.Pin : [p.Pin[0] == 9 ? (byte)0 : (byte)(p.Pin[0] + 1), .. p.Pin[1..]];
        PinVerification check;
        using (var digits = new PinDigits(pin))
        {
            check = await _l.Desk.VerifyPinAsync(p.Card, digits, 1, TestLedger.Ct);
        }

        PinVerificationStatus expectedPin = p.Tries == 0 ? PinVerificationStatus.Blocked
            : rightPin ? PinVerificationStatus.Correct
            : p.Tries == 1 ? PinVerificationStatus.Blocked
            : PinVerificationStatus.Wrong;
        Assert.Equal(expectedPin, check.Status);
        if (expectedPin != PinVerificationStatus.Correct)
        {
            if (p.Tries > 0)
            {
                p.Tries--;
            }

            Assert.Equal(p.Tries, (await _l.Desk.GetCardAsync(p.Card, TestLedger.Ct))!.PinTriesLeft);
            return;
        }

        p.Tries = CardRules.PinTries;
        bool emergency = visit == VisitType.Emergency;
        ReasonCode expected =
            p.Life == CardLifecycle.ReportedLost && !emergency ? ReasonCode.CardReportedLost
            : institution == TestLedger.Clinic && !emergency ? ReasonCode.InstitutionNotDesignated
            : p.Unprinted >= CardRules.UnprintedRecordLimit ? ReasonCode.UnprintedRecordLimit
            : relative is int r && !_bindings.Contains((r, who)) ? ReasonCode.RelativeNotBound
            : ReasonCode.None;
        string? relativeId = relative is int q ? _people[q].Holder.ResidentId : null;
        long ownBefore = await _l.BalanceAsync(p.Holder.ResidentId);
        long relativeBefore = relativeId is null ? 0 : await _l.BalanceAsync(relativeId);
        BillItem[] items = bill ?? TestLedger.Covered(amount);
        long total = 0;
        foreach (BillItem item in items)
        {
            total += item.Amount;
        }

        var request = new SettlementRequest(_l.Record(p.Card, p.Uid, total, 1, _clock), items, institution, visit, null, relativeId)
        {
            VerifiedPin = check.Token,
        };
        SettlementOutcome o = await _l.Settlement.SettleAsync(request, TestLedger.Ct);
        Assert.Equal(expected, o.Refusal?.Code ?? ReasonCode.None);
        Assert.True(check.Token!.IsSpent);
        Assert.Equal(CardRules.PinTries, (await _l.Desk.GetCardAsync(p.Card, TestLedger.Ct))!.PinTriesLeft);
        if (!o.Settled)
        {
            Assert.Equal(ownBefore, await _l.BalanceAsync(p.Holder.ResidentId));
            return;
        }

        Assert.Equal(total, o.Fund + o.OwnAccount + o.RelativeAccount + o.Cash);
        Assert.Equal(ownBefore - o.OwnAccount, await _l.BalanceAsync(p.Holder.ResidentId));
        if (relativeId is not null)
        {
            Assert.Equal(relativeBefore - o.RelativeAccount, await _l.BalanceAsync(relativeId));
        }

        p.Unprinted++;
        _settled.Add(new SettledRef(o.Record!.ReaderId, o.Record.Counter, who, relative, o.OwnAccount, o.RelativeAccount));
    }

    private async Task RefundAsync(LedgerOp op)
    {
        if (_settled.Count == 0)
        {
            return;
        }

        int index = op.Variant % _settled.Count;
        SettledRef s = _settled[index];
        string holder = _people[s.Holder].Holder.ResidentId;
        long before = await _l.BalanceAsync(holder);
        long relativeBefore = s.Relative is int rel ? await _l.BalanceAsync(_people[rel].Holder.ResidentId) : 0;
        RefundResult r = await _l.Settlement.RefundAsync(s.Reader, s.Counter, TestLedger.Ct);
        Assert.True(r.Succeeded);
        bool first = _refunded.Add(index);
        Assert.Equal(!first, r.AlreadyRefunded);
        Assert.Equal(before + (first ? s.Own : 0), await _l.BalanceAsync(holder));
        if (s.Relative is int relative)
        {
            Assert.Equal(relativeBefore + (first ? s.RelativeShare : 0), await _l.BalanceAsync(_people[relative].Holder.ResidentId));
        }
    }

    private async Task ChangePinAsync(PersonModel p, LedgerOp op)
    {
        bool right = op.Variant % 3 != 0;
        byte[] newPin = PinFrom(op.Variant / 7);
        using var oldDigits = new PinDigits(right ? p.Pin : [p.Pin[0] == 9 ? (byte)0 : (byte)(p.Pin[0] + 1), .. p.Pin[1..]]);
        using var newDigits = new PinDigits(newPin);
        DeskResult r = await _l.Desk.ChangePinAsync(p.Card, oldDigits, newDigits, TestLedger.Ct);
        ReasonCode expected = p.Life == CardLifecycle.ReportedLost ? ReasonCode.CardReportedLost
            : p.Tries == 0 ? ReasonCode.PinBlocked
            : right ? ReasonCode.None
            : p.Tries == 1 ? ReasonCode.PinBlocked : ReasonCode.PinWrong;
        Assert.Equal(expected, Code(r));
        if (expected == ReasonCode.None)
        {
            p.Pin = newPin;
            p.Tries = CardRules.PinTries;
        }
        else if (expected is ReasonCode.PinWrong or ReasonCode.PinBlocked && p.Tries > 0 && p.Life == CardLifecycle.Active)
        {
            p.Tries--;
        }
    }

    private async Task ClaimAsync(PersonModel p, LedgerOp op)
    {
        long before = await _l.BalanceAsync(p.Holder.ResidentId);
        if (p.LossWindows.Count == 0)
        {
            var onCurrent = new LossPeriodClaim("CL-" + _step, p.Card, TestLedger.Hospital, VisitType.Outpatient, TestLedger.Covered(op.Amount),
                _clock);
            Assert.Equal(ReasonCode.ClaimNotEligible, (await _l.Settlement.ReimburseLossPeriodAsync(onCurrent, TestLedger.Ct)).Refusal?.Code);
            return;
        }

        int w = op.Variant % p.LossWindows.Count;
        (DateTimeOffset lost, DateTimeOffset replaced, string lostCard) = p.LossWindows[w];
        var claim = new LossPeriodClaim("CL-" + _step, lostCard, TestLedger.Hospital, VisitType.Outpatient,
            TestLedger.Covered(op.Amount), lost + (replaced - lost) / 2);
        ClaimResult r = await _l.Settlement.ReimburseLossPeriodAsync(claim, TestLedger.Ct);
        Assert.True(r.Succeeded, r.Refusal?.Message);
        Assert.InRange(r.Reimbursed, 0, op.Amount);
        Assert.Equal(before + r.Reimbursed, await _l.BalanceAsync(p.Holder.ResidentId));
    }

    /// <summary>
    /// After every step, from the stored rows (not the services' answers): postings sum to zero, every balance is
    /// non-negative and equals its personal account's postings (money conserved), every card's unprinted count is at
    /// most 60 and equals its unprinted records, and each holder's current card has the unprinted count and PIN tries
    /// the model says.
    /// </summary>
    private async Task VerifyStepAsync(LedgerOp op)
    {
        var cards = new Dictionary<string, (long Unprinted, long Tries)>(StringComparer.Ordinal);
        (long postings, long badBalances, long badCards) = await _l.Store.InTransactionAsync(async (s, _) =>
        {
            long total = await s.ScalarAsync("SELECT COALESCE(SUM(amount), 0) FROM postings").ConfigureAwait(false) ?? 0;
            long balances = await s.ScalarAsync("SELECT COUNT(*) FROM persons p WHERE p.balance < 0 OR p.balance <> "
                + "(SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account = 'personal:' || p.resident_id)").ConfigureAwait(false) ?? 0;
            long limit = await s.ScalarAsync("SELECT COUNT(*) FROM cards c WHERE c.unprinted_count > " + CardRules.UnprintedRecordLimit
                + " OR c.unprinted_count <> (SELECT COUNT(*) FROM card_records r WHERE r.card_number = c.card_number AND r.statement_id IS NULL)")
                .ConfigureAwait(false) ?? 0;
            cards.Clear();
            foreach ((string number, long unprinted, long tries) in await s.QueryAsync("SELECT card_number, unprinted_count, pin_tries_left FROM cards",
                r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)))
                .ConfigureAwait(false))
            {
                cards[number] = (unprinted, tries);
            }

            return (total, balances, limit);
        }, TestLedger.Ct);

        string at = "after step " + _step + " (" + op.Kind + ")";
        Assert.True(postings == 0, at + ": postings sum to " + postings);
        Assert.True(badBalances == 0, at + ": " + badBalances + " balance(s) negative or not their postings");
        Assert.True(badCards == 0, at + ": " + badCards + " card(s) over the 60-record limit or not counting their unprinted records");
        foreach (PersonModel p in _people)
        {
            (long unprinted, long tries) = cards[p.Card];
            Assert.True(unprinted == p.Unprinted && tries == p.Tries,
                at + ": card " + p.Card + " has " + unprinted + " unprinted / " + tries + " tries, the rules give " + p.Unprinted + " / " + p.Tries);
        }
    }

    private async Task VerifyEndStateAsync()
    {
        await _l.AssertAuditOkAsync();
        foreach (PersonModel p in _people)
        {
            Card card = (await _l.Desk.GetCardAsync(p.Card, TestLedger.Ct))!;
            Assert.Equal(p.Life, card.Lifecycle);
            Assert.Equal(p.Tries, card.PinTriesLeft);
            Assert.Equal(p.Unprinted, card.UnprintedCount);
            Assert.True(await _l.BalanceAsync(p.Holder.ResidentId) >= 0);
            foreach ((string old, _) in p.OldCards)
            {
                Assert.Equal(CardStatus.Replaced, (await _l.Desk.GetCardAsync(old, TestLedger.Ct))!.Status);
            }
        }

        Hotlist hotlist = await _l.Desk.GetHotlistAsync(TestLedger.Ct);
        foreach (PersonModel p in _people)
        {
            Assert.Equal(p.Life == CardLifecycle.ReportedLost, hotlist.CardNumbers.Contains(p.Card));
            Assert.All(p.OldCards, c => Assert.Contains(c.Card, hotlist.CardNumbers));
        }
    }

    private static ReasonCode Code(DeskResult r) => r.Refusal?.Code ?? ReasonCode.None;
}

/// <summary>What one history ran: its steps and the ledger operations they made (a burst step is 20-44 settlements).</summary>
internal sealed record HistoryFigures(int Steps, long LedgerCalls);
