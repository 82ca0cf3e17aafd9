using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Regions, remote (cross-region) direct settlement and the clearing between the regional funds.</summary>
public abstract partial class LedgerSuite
{
    private const string Shanghai = "310000";
    private const string ShanghaiHospital = "SH-RUIJIN";

    /// <summary>Shanghai's outpatient policy differs from the home one in all three numbers (home: 100.00, 30 %, 5,000.00).</summary>
    private static readonly VisitPolicy ShanghaiOutpatient = new(50_00, 1000, 300_00);

    private static readonly DateOnly PeriodStart = new(2026, 3, 1);
    private static readonly DateOnly PeriodEnd = new(2026, 3, 31);

    private static async Task AddShanghaiAsync(TestLedger l)
    {
        Assert.True((await l.Desk.AddRegionAsync(new Region(Shanghai, "Shanghai"), Ct)).Succeeded);
        Assert.True((await l.Desk.SetRegionPolicyAsync(Shanghai, VisitType.Outpatient, ShanghaiOutpatient, Ct)).Succeeded);
        Assert.True((await l.Desk.RegisterInstitutionInRegionAsync(new Institution(ShanghaiHospital, "Ruijin Hospital", true), Shanghai, Ct))
            .Succeeded);
    }

    private static async Task<TestLedger.Holder> EnrolInsuredInShanghaiAsync(TestLedger l, long balance)
    {
        TestLedger.Holder h = await l.EnrolAsync(balance);
        Assert.True((await l.Desk.SetInsuredRegionAsync(h.ResidentId, Shanghai, Ct)).Succeeded);
        return h;
    }

    private static Task<System.Collections.Generic.List<Posting>> PostingsOfAsync(TestLedger l, SettlementOutcome o) =>
        l.Store.InTransactionAsync((s, _) => s.GetPostingsAsync(o.Record!.EntryId!.Value), Ct);

    [StoreFact]
    public async Task Remote_settlement_takes_the_item_classes_as_sent_and_the_insured_regions_policy()
    {
        await using TestLedger l = await NewLedgerAsync();
        await AddShanghaiAsync(l);
        TestLedger.Holder remote = await EnrolInsuredInShanghaiAsync(l, 0);
        TestLedger.Holder local = await l.EnrolAsync(0);

        // The home hospital's catalogue classes the items; the same bill for both holders.
        BillItem[] bill =
        [
            new("A1", "consultation", ItemClass.Covered, 400_00),
            new("B1", "imported stent", ItemClass.PartlySelfPaid, 100_00, SelfPaidBasisPoints: 2000),
            new("C1", "private room", ItemClass.FullySelfPaid, 50_00),
        ];
        SettlementOutcome o = await l.SettleAsync(remote.CardNumber, remote.Uid, bill);
        SettlementOutcome home = await l.SettleAsync(local.CardNumber, local.Uid, bill);
        Assert.True(o.Settled, o.ToString());
        Assert.True(home.Settled, home.ToString());

        // Eligible 400.00 + 80.00 = 480.00 in both. Shanghai insured: (480.00 - 50.00) x 90 % = 387.00, cut to Shanghai's
        // yearly cap of 300.00 (the home cap, 5,000.00, would not cut). Home insured: (480.00 - 100.00) x 70 % = 266.00.
        Assert.Equal(300_00, o.Fund);
        Assert.Equal(50_00, o.Record!.DeductibleApplied);
        Assert.Equal(266_00, home.Fund);
        Assert.Equal(SettlementCalculator.ComputeFundShare(bill, ShanghaiOutpatient, new Accumulator(remote.ResidentId, 2026, VisitType.Outpatient, 0, 0)).Fund,
            o.Fund);
        Assert.Contains(o.Explanation, s => s.StartsWith("remote settlement: insured in " + Shanghai + ", treated in home", StringComparison.Ordinal));
        Assert.DoesNotContain(home.Explanation, s => s.StartsWith("remote settlement", StringComparison.Ordinal));

        Accumulator ytd = await l.Desk.GetAccumulatorAsync(remote.ResidentId, 2026, VisitType.Outpatient, Ct);
        Assert.Equal(o.Fund, ytd.FundPaid);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task The_treatment_regions_fund_advances_and_the_clearing_report_sums_what_each_region_owes_per_pair()
    {
        await using TestLedger l = await NewLedgerAsync();
        await AddShanghaiAsync(l);
        TestLedger.Holder shanghaiInsured = await EnrolInsuredInShanghaiAsync(l, 0);
        TestLedger.Holder homeInsured = await l.EnrolAsync(0);

        // Two Shanghai-insured visits at the home hospital, one home-insured visit in Shanghai, one local visit, and one
        // remote visit outside the period (1 April, scheme calendar) that the report must leave out.
        SettlementOutcome a = await l.SettleAsync(shanghaiInsured, 200_00);
        SettlementOutcome b = await l.SettleAsync(shanghaiInsured, 60_00);
        SettlementOutcome c = await l.SettleAsync(homeInsured, 500_00, institution: ShanghaiHospital);
        SettlementOutcome local = await l.SettleAsync(homeInsured, 120_00);
        SettlementOutcome april = await l.SettleAsync(shanghaiInsured, 30_00, time: new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.FromHours(8)));
        Assert.All(new[] { a, b, c, local, april }, o => Assert.True(o.Settled, o.ToString()));

        // Who paid: the home hospital's visits come out of the home pool, the Shanghai visit out of Shanghai's fund.
        Assert.Equal(-a.Fund, (await PostingsOfAsync(l, a)).Single(p => p.Account == LedgerAccounts.PooledFund).Amount);
        Assert.Equal(-c.Fund, (await PostingsOfAsync(l, c)).Single(p => p.Account == LedgerAccounts.RegionFund(Shanghai)).Amount);
        Assert.Equal("fund:" + Shanghai, LedgerAccounts.RegionFund(Shanghai));

        ClearingReport report = await l.Settlement.GetClearingReportAsync(PeriodStart, PeriodEnd, Ct);
        Assert.Equal(2, report.Lines.Count);
        ClearingLine homePaid = report.Lines.Single(x => x.PaidByRegion == Region.HomeCode);
        Assert.Equal(Shanghai, homePaid.OwedByRegion);
        Assert.Equal(a.Fund + b.Fund, homePaid.Amount);
        Assert.Equal(2, homePaid.Settlements);
        Assert.Equal(0, homePaid.Refunds);
        ClearingLine shanghaiPaid = report.Lines.Single(x => x.PaidByRegion == Shanghai);
        Assert.Equal(Region.HomeCode, shanghaiPaid.OwedByRegion);
        Assert.Equal(c.Fund, shanghaiPaid.Amount);
        Assert.Equal(1, shanghaiPaid.Settlements);
        Assert.True(a.Fund > 0 && c.Fund > 0);

        ClearingReport aprilReport = await l.Settlement.GetClearingReportAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), Ct);
        Assert.Equal(april.Fund, Assert.Single(aprilReport.Lines).Amount);
        await Assert.ThrowsAsync<ArgumentException>(() => l.Settlement.GetClearingReportAsync(PeriodEnd, PeriodStart, Ct));
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_refund_of_a_remote_settlement_reverses_its_clearing_once()
    {
        await using TestLedger l = await NewLedgerAsync();
        await AddShanghaiAsync(l);
        TestLedger.Holder h = await EnrolInsuredInShanghaiAsync(l, 100_00);
        SettlementOutcome o = await l.SettleAsync(h, 250_00);
        Assert.True(o.Settled, o.ToString());
        Assert.True(o.Fund > 0);

        RefundResult refund = await l.Settlement.RefundAsync(o.Record!.ReaderId, o.Record.Counter, Ct);
        RefundResult again = await l.Settlement.RefundAsync(o.Record.ReaderId, o.Record.Counter, Ct);
        Assert.Null(refund.Refusal);
        Assert.True(again.AlreadyRefunded);

        // The refund is dated by the clock (today), the settlement by the time of care: a period covering both nets to zero.
        DateOnly today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        ClearingLine line = Assert.Single((await l.Settlement.GetClearingReportAsync(PeriodStart, today.AddDays(1), Ct)).Lines);
        Assert.Equal(0, line.Amount);
        Assert.Equal(1, line.Settlements);
        Assert.Equal(1, line.Refunds);

        // The period of the care alone still shows the debt it created.
        Assert.Equal(o.Fund, Assert.Single((await l.Settlement.GetClearingReportAsync(PeriodStart, PeriodEnd, Ct)).Lines).Amount);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_single_region_ledger_settles_as_before_and_has_nothing_to_clear()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0);
        SettlementOutcome o = await l.SettleAsync(h, 500_00);

        // The home policy (100.00 deductible, 30 %): (500.00 - 100.00) x 70 % = 280.00, from the one pooled fund.
        Assert.Equal(280_00, o.Fund);
        Assert.Equal(-280_00, (await PostingsOfAsync(l, o)).Single(p => p.Account == LedgerAccounts.PooledFund).Amount);
        Assert.DoesNotContain(o.Explanation, s => s.StartsWith("remote", StringComparison.Ordinal));
        Assert.Empty((await l.Settlement.GetClearingReportAsync(PeriodStart, PeriodEnd, Ct)).Lines);

        // Everything registered without a region is in the home region; the home region is always there.
        Assert.Equal(Region.HomeCode, await l.Store.InTransactionAsync((s, _) => s.GetInstitutionRegionAsync(TestLedger.Hospital), Ct));
        Assert.Equal(Region.HomeCode, await l.Store.InTransactionAsync((s, _) => s.GetInsuredRegionAsync(h.ResidentId), Ct));
        Region home = Assert.Single(await l.Store.InTransactionAsync((s, _) => s.ListRegionsAsync(), Ct));
        Assert.True(home.IsHome);
        Assert.Equal(TestLedger.Outpatient,
            await l.Store.InTransactionAsync((s, _) => s.GetRegionPolicyAsync(Region.HomeCode, VisitType.Outpatient), Ct));
    }

    [StoreFact]
    public async Task Unknown_regions_are_refused_and_a_region_without_a_policy_refuses_its_insured()
    {
        await using TestLedger l = await NewLedgerAsync();
        Assert.Equal(ReasonCode.InvalidRequest,
            (await l.Desk.SetRegionPolicyAsync("999999", VisitType.Outpatient, ShanghaiOutpatient, Ct)).Refusal!.Code);
        Assert.Equal(ReasonCode.InvalidRequest,
            (await l.Desk.RegisterInstitutionInRegionAsync(new Institution("X1", "Nowhere", true), "999999", Ct)).Refusal!.Code);
        Assert.Null(await l.Store.InTransactionAsync((s, _) => s.GetInstitutionAsync("X1"), Ct));
        Assert.Equal(ReasonCode.InvalidRequest, (await l.Desk.AddRegionAsync(new Region(" ", "Blank"), Ct)).Refusal!.Code);

        string id = TestLedger.ResidentIdFor(900);
        using (var pin = new PinDigits(TestLedger.DefaultPin))
        {
            DeskResult refused = await l.Desk.EnrolAsync(new Enrolment(id, "Remote Holder", Gender.Male, "Acme Ltd", "C0000900", [0x09, 0x00, 0x09],
                pin) { InsuredRegion = "999999" }, Ct);
            Assert.Equal(ReasonCode.InvalidRequest, refused.Refusal!.Code);
            Assert.Contains("999999", refused.Refusal.Message, StringComparison.Ordinal);
        }

        Assert.Null(await l.Desk.GetPersonAsync(id, Ct));

        // A region with no outpatient policy: its insured are refused with no.policy, never settled on the home policy.
        Assert.True((await l.Desk.AddRegionAsync(new Region("440300", "Shenzhen"), Ct)).Succeeded);
        using (var pin = new PinDigits(TestLedger.DefaultPin))
        {
            Assert.True((await l.Desk.EnrolAsync(new Enrolment(id, "Remote Holder", Gender.Male, "Acme Ltd", "C0000900", [0x09, 0x00, 0x09], pin)
            {
                InsuredRegion = "440300",
            }, Ct)).Succeeded);
        }

        Assert.Equal("440300", await l.Store.InTransactionAsync((s, _) => s.GetInsuredRegionAsync(id), Ct));
        SettlementOutcome o = await l.SettleAsync("C0000900", [0x09, 0x00, 0x09], TestLedger.Covered(100_00));
        Assert.Equal(ReasonCode.NoPolicy, o.Refusal!.Code);
        Assert.Empty((await l.Settlement.GetClearingReportAsync(PeriodStart, PeriodEnd, Ct)).Lines);
    }

    [StoreFact]
    public async Task A_version_3_ledger_migrates_into_the_home_region_and_settles_as_before()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        using var pin = new PinDigits(TestLedger.DefaultPin);
        PinCredential legacy = new PinHasher(TestLedger.TestPinIterations).Hash(pin);
        string residentId = TestLedger.ResidentIdFor(1);
        await OldLedger.CreateAsync(store, 3, residentId, legacy, 0);
        await store.InTransactionAsync((s, _) =>
            s.ExecuteAsync("INSERT INTO institutions (institution_id, name, designated) VALUES ('OLD-H', 'Old Hospital', 1)"), Ct);

        await using TestLedger l = await TestLedger.CreateAsync(store); // migrates to the current version, sets the home policies
        Assert.Equal(Region.HomeCode, await store.InTransactionAsync((s, _) => s.GetInstitutionRegionAsync("OLD-H"), Ct));
        Assert.Equal(Region.HomeCode, await store.InTransactionAsync((s, _) => s.GetInsuredRegionAsync(residentId), Ct));

        SettlementOutcome o = await l.SettleAsync(OldLedger.CardNumber, OldLedger.Uid, TestLedger.Covered(500_00), institution: "OLD-H");
        Assert.Equal(280_00, o.Fund); // the home outpatient policy: (500.00 - 100.00) x 70 %
        Assert.Equal(-280_00, (await PostingsOfAsync(l, o)).Single(p => p.Account == LedgerAccounts.PooledFund).Amount);
        Assert.Empty((await l.Settlement.GetClearingReportAsync(PeriodStart, PeriodEnd, Ct)).Lines);
        await l.AssertAuditOkAsync();
    }
}
