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

/// <summary>Settlement arithmetic, postings, cap and accounting year.</summary>
public abstract partial class LedgerSuite
{
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
}
