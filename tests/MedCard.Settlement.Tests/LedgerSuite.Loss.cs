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

/// <summary>Loss report, cancel, replacement, hotlist and loss-period claims; emergency and designation exceptions.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Lost_card_is_refused_except_for_emergency_and_works_again_when_the_report_is_cancelled()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        long hotlistBefore = (await l.Desk.GetHotlistAsync(Ct)).Version;

        DeskResult wrongName = await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, "Somebody Else", h.ResidentId, LossChannel.Phone,
            TestLedger.Day) { Employer = TestLedger.Employer }, Ct);
        Assert.Equal(ReasonCode.LossReportInWriting, wrongName.Refusal!.Code);

        Assert.True((await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, h.ResidentId, LossChannel.Phone, TestLedger.Day) { Employer = TestLedger.Employer }, Ct))
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
        await l.Desk.ReportLossAsync(new LossReport(h.CardNumber, h.Name, h.ResidentId, LossChannel.Phone, lost) { Employer = TestLedger.Employer }, Ct);
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
}
