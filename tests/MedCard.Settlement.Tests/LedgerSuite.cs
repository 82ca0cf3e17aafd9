using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>
/// The store-independent suite: every test here runs once on SQLite and once on PostgreSQL (see the two
/// subclasses). Each test gets a fresh, migrated and seeded ledger.
/// </summary>
public abstract partial class LedgerSuite
{
    protected abstract Task<ILedgerStore> OpenStoreAsync();

    protected async Task<TestLedger> NewLedgerAsync() => await TestLedger.CreateAsync(await OpenStoreAsync());

    private static readonly System.Threading.CancellationToken Ct = TestLedger.Ct;

    [StoreFact]
    public async Task Migration_is_versioned_and_idempotent()
    {
        await using TestLedger l = await NewLedgerAsync();
        Assert.Equal(LedgerSchema.CurrentVersion, await l.Store.GetSchemaVersionAsync(Ct));
        await l.Store.MigrateAsync(Ct);
        Assert.Equal(LedgerSchema.CurrentVersion, await l.Store.GetSchemaVersionAsync(Ct));
    }

    [StoreFact]
    public async Task Many_hosts_can_migrate_the_same_fresh_database_at_once()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.MigrateAsync(Ct))));
        Assert.Equal(LedgerSchema.CurrentVersion, await store.GetSchemaVersionAsync(Ct));
        await using TestLedger l = await TestLedger.CreateAsync(store);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Settlement_applies_deductible_ratio_and_splits_account_then_cash()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(50_00);

        // Outpatient: deductible 100.00, co-payment 30 %. Bill 500.00 all covered:
        // fund = floor((500.00 - 100.00) * 70 %) = 280.00; out of pocket 220.00 = 50.00 account + 170.00 cash.
        SettlementOutcome o = await l.SettleAsync(h, 500_00);

        Assert.True(o.Settled, o.ToString());
        Assert.Equal(280_00, o.Fund);
        Assert.Equal(50_00, o.OwnAccount);
        Assert.Equal(170_00, o.Cash);
        Assert.Equal(0, await l.BalanceAsync(h.ResidentId));
        Assert.Contains(o.Explanation, s => s.StartsWith("deductible:", StringComparison.Ordinal) && s.Contains("applied 100.00"));
        Assert.Contains(o.Explanation, s => s.StartsWith("co-payment 30.00%", StringComparison.Ordinal));
        Assert.Contains(o.Explanation, s => s.StartsWith("cap:", StringComparison.Ordinal));
        Assert.Contains(o.Explanation, s => s.StartsWith("cash 170.00", StringComparison.Ordinal));

        Accumulator ytd = await l.Desk.GetAccumulatorAsync(h.ResidentId, 2026, VisitType.Outpatient, Ct);
        Assert.Equal(100_00, ytd.DeductibleMet);
        Assert.Equal(280_00, ytd.FundPaid);

        // The deductible is now met: a second 100.00 bill gets 70 % from the fund.
        SettlementOutcome second = await l.SettleAsync(h, 100_00);
        Assert.Equal(70_00, second.Fund);
        Assert.Equal(30_00, second.Cash);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Postings_of_a_settlement_sum_to_zero_across_fund_accounts_cash_and_institution()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        SettlementOutcome o = await l.SettleAsync(h, 333_33, VisitType.Pharmacy);
        Assert.True(o.Settled);

        var postings = await l.Store.InTransactionAsync((s, _) => s.GetPostingsAsync(o.Record!.EntryId!.Value), Ct);
        Assert.Equal(0, postings.Sum(p => p.Amount));
        Assert.Equal(333_33, postings.Single(p => p.Account == LedgerAccounts.Institution(TestLedger.Hospital)).Amount);
        Assert.Equal(-o.Fund, postings.Single(p => p.Account == LedgerAccounts.PooledFund).Amount);
        Assert.Equal(-o.OwnAccount, postings.Single(p => p.Account == LedgerAccounts.Personal(h.ResidentId)).Amount);
        Assert.Equal(o.Total(), o.Fund + o.OwnAccount + o.Cash);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Resubmitting_the_same_record_returns_the_same_outcome_and_debits_once()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        VerifiedTransaction tx = l.Record(h.CardNumber, h.Uid, 200_00);
        BillItem[] bill = TestLedger.Covered(200_00);

        SettlementOutcome first = await SettleRecordAsync(l, tx, bill);
        long afterFirst = await l.BalanceAsync(h.ResidentId);
        SettlementOutcome again = await SettleRecordAsync(l, tx, bill);

        Assert.True(first.Settled);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.OwnAccount, again.OwnAccount);
        Assert.Equal(afterFirst, await l.BalanceAsync(h.ResidentId));
        Assert.Equal(1, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Replayed_counter_out_of_order_and_forged_records_are_refused_and_gaps_flagged()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        VerifiedTransaction tx = l.Record(h.CardNumber, h.Uid, 200_00);
        Assert.True((await SettleRecordAsync(l, tx, TestLedger.Covered(200_00))).Settled);

        SettlementOutcome replay = await SettleRecordAsync(l, tx with { Amount = 10_00 }, TestLedger.Covered(10_00));
        Assert.Equal(ReasonCode.RecordReplayed, replay.Refusal!.Code);

        VerifiedTransaction jump = tx with { Counter = tx.Counter + 5 };
        SettlementOutcome gap = await SettleRecordAsync(l, jump, TestLedger.Covered(200_00));
        Assert.True(gap.Settled);
        Assert.Contains(gap.Explanation, s => s.Contains("counter gap of 4", StringComparison.Ordinal));

        SettlementOutcome late = await SettleRecordAsync(l, tx with { Counter = tx.Counter + 2 }, TestLedger.Covered(200_00));
        Assert.Equal(ReasonCode.RecordOutOfOrder, late.Refusal!.Code);

        SettlementOutcome wrongAmount = await SettleRecordAsync(l, tx with { Counter = jump.Counter + 1 }, TestLedger.Covered(199_99));
        Assert.Equal(ReasonCode.RecordForged, wrongAmount.Refusal!.Code);

        SettlementOutcome clonedUid = await SettleRecordAsync(l, tx with { Counter = jump.Counter + 2, CardUid = [9, 9, 9, 9] },
            TestLedger.Covered(200_00));
        Assert.Equal(ReasonCode.RecordForged, clonedUid.Refusal!.Code);
        Assert.Null(clonedUid.Record);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Unknown_card_is_refused_with_a_stable_code()
    {
        await using TestLedger l = await NewLedgerAsync();
        SettlementOutcome o = await l.SettleAsync("C-NOPE", [1, 2, 3, 4], TestLedger.Covered(10_00));
        Assert.Equal(ReasonCode.UnknownCard, o.Refusal!.Code);
        Assert.Equal("card.unknown", o.Refusal.Key);
        Assert.False(string.IsNullOrWhiteSpace(o.Refusal.Message));
    }

    [StoreFact]
    public async Task Lost_card_is_refused_except_for_emergency_and_works_again_when_the_report_is_cancelled()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        long hotlistBefore = (await l.Desk.GetHotlistAsync(Ct)).Version;

        DeskResult wrongName = await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, "Somebody Else", h.ResidentId, LossChannel.Phone,
            TestLedger.Day), Ct);
        Assert.Equal(ReasonCode.IdentityMismatch, wrongName.Refusal!.Code);

        Assert.True((await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, h.ResidentId, LossChannel.Phone, TestLedger.Day), Ct))
            .Succeeded);
        Hotlist listed = await l.Desk.GetHotlistAsync(Ct);
        Assert.Contains(h.CardNumber, listed.CardNumbers);
        Assert.True(listed.Version > hotlistBefore);

        Assert.Equal(ReasonCode.CardReportedLost, (await l.SettleAsync(h, 50_00)).Refusal!.Code);
        Assert.Equal(ReasonCode.CardReportedLost, (await l.SettleAsync(h, 50_00, VisitType.Inpatient)).Refusal!.Code);
        SettlementOutcome emergency = await l.SettleAsync(h, 2_000_00, VisitType.Emergency);
        Assert.True(emergency.Settled, emergency.ToString());
        Assert.Contains(emergency.Explanation, s => s.Contains("emergency exception", StringComparison.Ordinal));

        Assert.True((await l.Desk.CancelLossReportAsync(h.CardNumber, h.ResidentId, Ct)).Succeeded);
        Hotlist cleared = await l.Desk.GetHotlistAsync(Ct);
        Assert.DoesNotContain(h.CardNumber, cleared.CardNumbers);
        Assert.True(cleared.Version > listed.Version);
        var changes = await l.Desk.GetHotlistChangesAsync(hotlistBefore, Ct);
        Assert.Equal([true, false], changes.Select(c => c.Listed).ToArray());

        Assert.True((await l.SettleAsync(h, 50_00)).Settled);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Non_designated_institution_is_refused_except_for_emergency()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        Assert.Equal(ReasonCode.InstitutionNotDesignated, (await l.SettleAsync(h, 80_00, institution: TestLedger.Clinic)).Refusal!.Code);
        Assert.True((await l.SettleAsync(h, 80_00, VisitType.Emergency, TestLedger.Clinic)).Settled);
        Assert.Equal(ReasonCode.UnknownInstitution, (await l.SettleAsync(h, 80_00, institution: "H-NOWHERE")).Refusal!.Code);
    }

    [StoreFact]
    public async Task Three_wrong_pins_block_the_card_until_the_desk_resets_it_with_the_id()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        byte[] wrong = [9, 9, 9, 9, 9, 9];

        SettlementOutcome w1 = await l.SettleAsync(h, 10_00, pin: wrong);
        SettlementOutcome w2 = await l.SettleAsync(h, 10_00, pin: wrong);
        Assert.Equal(ReasonCode.PinWrong, w1.Refusal!.Code);
        Assert.Equal(2, w1.Refusal.PinTriesLeft);
        Assert.Equal(1, w2.Refusal!.PinTriesLeft);
        SettlementOutcome w3 = await l.SettleAsync(h, 10_00, pin: wrong);
        Assert.Equal(ReasonCode.PinBlocked, w3.Refusal!.Code);
        Assert.Equal(0, w3.Refusal.PinTriesLeft);
        Assert.Equal(CardStatus.PinBlocked, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.Status);

        // Blocked means blocked: the right PIN does not help, and no try is consumed.
        Assert.Equal(ReasonCode.PinBlocked, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.Equal(1_000_00, await l.BalanceAsync(h.ResidentId));

        using var newPin = new PinDigits([4, 3, 2, 1]);
        Assert.Equal(ReasonCode.IdentityMismatch,
            (await l.Desk.ResetPinAsync(h.CardNumber, TestLedger.ResidentIdFor(999), newPin, Ct)).Refusal!.Code);
        Assert.True((await l.Desk.ResetPinAsync(h.CardNumber, h.ResidentId, newPin, Ct)).Succeeded);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.True((await l.SettleAsync(h, 10_00, pin: [4, 3, 2, 1])).Settled);
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }

    [StoreFact]
    public async Task A_right_pin_restores_the_tries_and_the_pin_can_be_changed_with_the_old_one()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00, pin: [0, 0, 0, 0])).Refusal!.Code);
        Assert.Equal(2, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
        Assert.True((await l.SettleAsync(h, 10_00)).Settled);
        Assert.Equal(3, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);

        using var bad = new PinDigits([5, 5, 5, 5]);
        using var old = new PinDigits(TestLedger.DefaultPin);
        using var fresh = new PinDigits([2, 4, 6, 8, 0]);
        DeskResult refused = await l.Desk.ChangePinAsync(h.CardNumber, bad, fresh, Ct);
        Assert.Equal(ReasonCode.PinWrong, refused.Refusal!.Code);
        Assert.Equal(2, refused.Refusal.PinTriesLeft);
        Assert.True((await l.Desk.ChangePinAsync(h.CardNumber, old, fresh, Ct)).Succeeded);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.True((await l.SettleAsync(h, 10_00, pin: [2, 4, 6, 8, 0])).Settled);
    }

    [StoreFact]
    public async Task Sixty_unprinted_records_stop_the_card_until_printed_and_printing_again_prints_nothing()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(10_000_00);
        for (int i = 0; i < CardRules.UnprintedRecordLimit; i++)
        {
            Assert.True((await l.SettleAsync(h, 1_00 + i)).Settled);
        }

        SettlementOutcome stopped = await l.SettleAsync(h, 5_00);
        Assert.Equal(ReasonCode.UnprintedRecordLimit, stopped.Refusal!.Code);
        Assert.Equal(ReasonCode.UnprintedRecordLimit, (await l.SettleAsync(h, 5_00, VisitType.Emergency)).Refusal!.Code);

        Statement? printed = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.NotNull(printed);
        Assert.Equal(CardRules.UnprintedRecordLimit, printed.Records.Count);
        Assert.NotNull(printed.StatementId);
        Assert.Equal(Enumerable.Range(0, 60).Sum(i => 1_00L + i), printed.Total);
        Assert.Equal(0, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);

        PdfSharp.PdfSharpLicense.SetAgplLicense(); // the test process's own licence choice, see the Statements test
        string pdf = System.Text.Encoding.Latin1.GetString(StatementPdfRenderer.Render(printed));
        int pages = System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type\s*/Page(?!s)").Count;
        Assert.True(pages >= 2, "60 rows should paginate, got " + pages + " page(s)");
        Assert.Equal(62, StatementTextRenderer.Render(printed).Split('\n').Count(line => line.Length > 0) - 3);

        Statement? again = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.True(again!.IsEmpty);
        Assert.Null(again.StatementId);

        Assert.True((await l.SettleAsync(h, 5_00)).Settled);
        Statement? next = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.Single(next!.Records);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_low_balance_never_refuses_the_rest_is_cash()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        SettlementOutcome o = await l.SettleAsync(h, 300_00, VisitType.Pharmacy);
        Assert.True(o.Settled);
        Assert.Equal(0, o.OwnAccount);
        Assert.Equal(300_00 - o.Fund, o.Cash);
        Assert.Equal(0, await l.BalanceAsync(h.ResidentId));
    }

    [StoreFact]
    public async Task A_relative_pays_only_with_a_binding_and_only_after_the_own_account()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder parent = await l.EnrolAsync(100_00, "Parent");
        TestLedger.Holder child = await l.EnrolAsync(10_00, "Child");

        SettlementOutcome unbound = await l.SettleAsync(child, 200_00, VisitType.Pharmacy, relative: parent.ResidentId);
        Assert.Equal(ReasonCode.RelativeNotBound, unbound.Refusal!.Code);

        // The parent's account pays for the child (the child is the parent's Child).
        Assert.True((await l.Desk.BindRelativeAsync(parent.ResidentId, child.ResidentId, Relation.Child, Ct)).Succeeded);
        Assert.Equal(ReasonCode.AlreadyExists,
            (await l.Desk.BindRelativeAsync(parent.ResidentId, child.ResidentId, Relation.Child, Ct)).Refusal!.Code);

        // Pharmacy: no deductible, 20 % co-payment: fund 160.00, out of pocket 40.00 = 10.00 own + 30.00 parent.
        SettlementOutcome o = await l.SettleAsync(child, 200_00, VisitType.Pharmacy, relative: parent.ResidentId);
        Assert.True(o.Settled, o.ToString());
        Assert.Equal(160_00, o.Fund);
        Assert.Equal(10_00, o.OwnAccount);
        Assert.Equal(30_00, o.RelativeAccount);
        Assert.Equal(0, o.Cash);
        Assert.Equal(70_00, await l.BalanceAsync(parent.ResidentId));

        // The binding is one-way: the child's account may not pay for the parent.
        Assert.Equal(ReasonCode.RelativeNotBound,
            (await l.SettleAsync(parent, 10_00, VisitType.Pharmacy, relative: child.ResidentId)).Refusal!.Code);

        Assert.True((await l.Desk.UnbindRelativeAsync(parent.ResidentId, child.ResidentId, Ct)).Succeeded);
        Assert.Equal(ReasonCode.RelativeNotBound,
            (await l.SettleAsync(child, 10_00, VisitType.Pharmacy, relative: parent.ResidentId)).Refusal!.Code);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Refund_restores_balances_and_accumulators_once()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder parent = await l.EnrolAsync(100_00);
        TestLedger.Holder h = await l.EnrolAsync(20_00);
        await l.Desk.BindRelativeAsync(parent.ResidentId, h.ResidentId, Relation.Child, Ct);
        SettlementOutcome o = await l.SettleAsync(h, 600_00, relative: parent.ResidentId);
        Assert.True(o.Settled);
        Assert.True(o.RelativeAccount > 0);

        RefundResult refund = await l.Settlement.RefundAsync(o.Record!.ReaderId, o.Record.Counter, Ct);
        Assert.True(refund.Succeeded);
        Assert.False(refund.AlreadyRefunded);
        Assert.Equal(0, refund.Postings.Sum(p => p.Amount));
        Assert.Equal(20_00, await l.BalanceAsync(h.ResidentId));
        Assert.Equal(100_00, await l.BalanceAsync(parent.ResidentId));
        Accumulator ytd = await l.Desk.GetAccumulatorAsync(h.ResidentId, 2026, VisitType.Outpatient, Ct);
        Assert.Equal(0, ytd.DeductibleMet);
        Assert.Equal(0, ytd.FundPaid);

        RefundResult twice = await l.Settlement.RefundAsync(o.Record.ReaderId, o.Record.Counter, Ct);
        Assert.True(twice.AlreadyRefunded);
        Assert.Equal(100_00, await l.BalanceAsync(parent.ResidentId));
        Assert.Equal(ReasonCode.UnknownSettlement, (await l.Settlement.RefundAsync(77, 1, Ct)).Refusal!.Code);

        Statement? statement = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.True(statement!.Records.Single().Refunded);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task The_yearly_cap_limits_the_fund_and_the_rest_is_out_of_pocket()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);

        // Pharmacy cap 3000.00 at 80 %: a 3500.00 bill would get 2800.00; a second one only the 200.00 left.
        SettlementOutcome first = await l.SettleAsync(h, 3_500_00, VisitType.Pharmacy);
        SettlementOutcome second = await l.SettleAsync(h, 3_500_00, VisitType.Pharmacy);
        Assert.Equal(2_800_00, first.Fund);
        Assert.Equal(200_00, second.Fund);
        Assert.Contains(second.Explanation, s => s.Contains("cut 2600.00", StringComparison.Ordinal));
        SettlementOutcome third = await l.SettleAsync(h, 100_00, VisitType.Pharmacy);
        Assert.Equal(0, third.Fund);
        Assert.Equal(100_00, third.Cash);

        // A new calendar year starts from zero.
        SettlementOutcome nextYear = await l.SettleAsync(h, 100_00, VisitType.Pharmacy, time: TestLedger.Day.AddYears(1));
        Assert.Equal(80_00, nextYear.Fund);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task The_accounting_year_follows_the_scheme_calendar_not_the_utc_date()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        var utcNewYearsEveEvening = new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero); // 1 Jan 2027 04:00 in +08:00
        SettlementOutcome o = await l.SettleAsync(h, 100_00, VisitType.Pharmacy, time: utcNewYearsEveEvening);
        Assert.True(o.Settled);
        Assert.Equal(2027, o.Record!.Year);
        Assert.Equal(o.Fund, (await l.Desk.GetAccumulatorAsync(h.ResidentId, 2027, VisitType.Pharmacy, Ct)).FundPaid);
        Assert.Equal(0, (await l.Desk.GetAccumulatorAsync(h.ResidentId, 2026, VisitType.Pharmacy, Ct)).FundPaid);
    }

    [StoreFact]
    public async Task Replacement_carries_balance_and_unprinted_records_and_kills_the_old_card_forever()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(500_00);
        Assert.True((await l.SettleAsync(h, 100_00, VisitType.Pharmacy)).Settled);
        Assert.True((await l.SettleAsync(h, 100_00, VisitType.Pharmacy)).Settled);
        long balance = await l.BalanceAsync(h.ResidentId);
        await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, h.ResidentId, LossChannel.Written, TestLedger.Day), Ct);
        long version = (await l.Desk.GetHotlistAsync(Ct)).Version;

        byte[] newUid = [0x04, 0xEE, 0xEE, 0xEE];
        using var pin = new PinDigits([7, 7, 7, 7]);
        Assert.Equal(ReasonCode.IdentityMismatch, (await l.Desk.ReplaceCardAsync(
            new CardReplacement(h.CardNumber, TestLedger.ResidentIdFor(500), "N1", newUid, pin, TestLedger.Day.AddDays(7)), Ct)).Refusal!.Code);
        Assert.True((await l.Desk.ReplaceCardAsync(
            new CardReplacement(h.CardNumber, h.ResidentId, "N1", newUid, pin, TestLedger.Day.AddDays(7)), Ct)).Succeeded);

        Card old = (await l.Desk.GetCardAsync(h.CardNumber, Ct))!;
        Card fresh = (await l.Desk.GetCardAsync("N1", Ct))!;
        Assert.Equal(CardStatus.Replaced, old.Status);
        Assert.Equal("N1", old.ReplacedBy);
        Assert.Equal(0, old.UnprintedCount);
        Assert.Equal(2, fresh.UnprintedCount);
        Assert.Equal(h.CardNumber, fresh.Replaces);
        Assert.Equal(balance, await l.BalanceAsync(h.ResidentId));
        Hotlist hotlist = await l.Desk.GetHotlistAsync(Ct);
        Assert.Contains(h.CardNumber, hotlist.CardNumbers);
        Assert.DoesNotContain("N1", hotlist.CardNumbers);
        Assert.Equal(version, hotlist.Version);

        Assert.Equal(ReasonCode.CardReplaced, (await l.SettleAsync(h, 10_00)).Refusal!.Code);
        Assert.Equal(ReasonCode.CardReplaced, (await l.SettleAsync(h, 10_00, VisitType.Emergency)).Refusal!.Code);
        Assert.Equal(ReasonCode.InvalidCardState, (await l.Desk.CancelLossReportAsync(h.CardNumber, h.ResidentId, Ct)).Refusal!.Code);
        Assert.Equal(ReasonCode.CardReplaced, (await l.Desk.ReplaceCardAsync(
            new CardReplacement(h.CardNumber, h.ResidentId, "N2", [1, 1, 1, 1], pin, TestLedger.Day.AddDays(8)), Ct)).Refusal!.Code);

        SettlementOutcome onNew = await l.SettleAsync("N1", newUid, TestLedger.Covered(10_00), VisitType.Pharmacy, pin: [7, 7, 7, 7]);
        Assert.True(onNew.Settled, onNew.ToString());
        Statement? statement = await l.Desk.PrintStatementAsync("N1", Ct);
        Assert.Equal(3, statement!.Records.Count);
        Assert.Equal(2, statement.Records.Count(r => r.OriginalCardNumber == h.CardNumber));
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Replacing_a_damaged_active_card_lists_the_old_one_on_the_hotlist()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        long before = (await l.Desk.GetHotlistAsync(Ct)).Version;
        using var pin = new PinDigits([5, 6, 7, 8]);
        Assert.True((await l.Desk.ReplaceCardAsync(new CardReplacement(h.CardNumber, h.ResidentId, "D1", [0x0D, 1, 2, 3], pin,
            TestLedger.Day), Ct)).Succeeded);
        var changes = await l.Desk.GetHotlistChangesAsync(before, Ct);
        Assert.Equal(h.CardNumber, Assert.Single(changes).CardNumber);
        Assert.True(changes[0].Listed);

        // No loss period, so nothing can be claimed as advanced during one.
        var claim = new LossPeriodClaim("D-1", h.CardNumber, TestLedger.Hospital, VisitType.Outpatient, TestLedger.Covered(50_00),
            TestLedger.Day.AddHours(-1));
        Assert.Equal(ReasonCode.ClaimNotEligible, (await l.Settlement.ReimburseLossPeriodAsync(claim, Ct)).Refusal!.Code);
    }

    [StoreFact]
    public async Task Outpatient_costs_advanced_during_the_loss_period_are_reimbursed_after_replacement()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        DateTimeOffset lost = TestLedger.Day;
        await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, h.ResidentId, LossChannel.Phone, lost), Ct);
        var claim = new LossPeriodClaim("RCPT-1", h.CardNumber, TestLedger.Hospital, VisitType.Outpatient, TestLedger.Covered(300_00),
            lost.AddDays(2));

        Assert.Equal(ReasonCode.ClaimNotEligible, (await l.Settlement.ReimburseLossPeriodAsync(claim, Ct)).Refusal!.Code);

        using var pin = new PinDigits([1, 1, 1, 1]);
        await l.Desk.ReplaceCardAsync(new CardReplacement(h.CardNumber, h.ResidentId, "N9", [9, 8, 7, 6], pin, lost.AddDays(5)), Ct);

        // Outpatient: deductible 100.00 then 70 %: fund share of 300.00 is 140.00.
        ClaimResult paid = await l.Settlement.ReimburseLossPeriodAsync(claim, Ct);
        Assert.True(paid.Succeeded, paid.Refusal?.Message);
        Assert.Equal(140_00, paid.Reimbursed);
        Assert.Equal(140_00, await l.BalanceAsync(h.ResidentId));
        Assert.Equal(100_00, (await l.Desk.GetAccumulatorAsync(h.ResidentId, 2026, VisitType.Outpatient, Ct)).DeductibleMet);

        ClaimResult again = await l.Settlement.ReimburseLossPeriodAsync(claim, Ct);
        Assert.True(again.Duplicate);
        Assert.Equal(140_00, await l.BalanceAsync(h.ResidentId));

        Assert.Equal(ReasonCode.ClaimNotEligible, (await l.Settlement.ReimburseLossPeriodAsync(
            claim with { ClaimReference = "RCPT-2", Time = lost.AddDays(-1) }, Ct)).Refusal!.Code);
        Assert.Equal(ReasonCode.ClaimNotEligible, (await l.Settlement.ReimburseLossPeriodAsync(
            claim with { ClaimReference = "RCPT-3", VisitType = VisitType.Inpatient }, Ct)).Refusal!.Code);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Enrolment_validates_the_resident_id_check_character_and_refuses_duplicates()
    {
        await using TestLedger l = await NewLedgerAsync();
        string valid = TestLedger.ResidentIdFor(42);
        char wrongCheck = valid[17] == '0' ? '1' : '0';
        using var pin = new PinDigits(TestLedger.DefaultPin);
        DeskResult bad = await l.Desk.EnrolAsync(new Enrolment(valid[..17] + wrongCheck, "A", Gender.Male, "E", "CX", [1, 2, 3], pin), Ct);
        Assert.Equal(ReasonCode.InvalidResidentId, bad.Refusal!.Code);

        TestLedger.Holder h = await l.EnrolAsync(0);
        DeskResult dupCard = await l.Desk.EnrolAsync(new Enrolment(valid, "A", Gender.Male, "E", h.CardNumber, [7, 7, 7], pin), Ct);
        Assert.Equal(ReasonCode.AlreadyExists, dupCard.Refusal!.Code);
        DeskResult dupPerson = await l.Desk.EnrolAsync(new Enrolment(h.ResidentId, "A", Gender.Male, "E", "CY", [7, 7, 8], pin), Ct);
        Assert.Equal(ReasonCode.AlreadyExists, dupPerson.Refusal!.Code);
    }

    [StoreFact]
    public async Task The_store_itself_refuses_a_negative_personal_balance()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(10_00);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            l.Store.InTransactionAsync((s, _) => s.AddToBalanceAsync(h.ResidentId, -10_01), Ct));
        Assert.Equal(10_00, await l.BalanceAsync(h.ResidentId));
    }

    [StoreFact]
    public async Task Statements_render_as_text_and_pdf()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00, "Li Lei");
        await l.SettleAsync(h, 123_45, VisitType.Pharmacy);
        Statement statement = (await l.Desk.PrintStatementAsync(h.CardNumber, Ct))!;

        string text = StatementTextRenderer.Render(statement);
        Assert.Contains("Li Lei", text);
        Assert.Contains("123.45", text);
        Assert.DoesNotContain(h.ResidentId, text);

        // PDFsharp 6.5 requires the application to pick a license; the test process picks AGPL for itself
        // (the product's choice is the lead's: see host/MedCard.Settlement/README.md).
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        byte[] pdf = StatementPdfRenderer.Render(statement);
        Assert.True(pdf.Length > 500);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    protected static async Task<SettlementOutcome> SettleRecordAsync(TestLedger l, VerifiedTransaction tx, BillItem[] bill, byte[]? pin = null)
    {
        using var digits = new PinDigits(pin ?? TestLedger.DefaultPin);
        return await l.Settlement.SettleAsync(new SettlementRequest(tx, bill, TestLedger.Hospital, VisitType.Outpatient, digits), Ct);
    }
}

internal static class OutcomeExtensions
{
    public static long Total(this SettlementOutcome o) => o.Record!.Total;
}
