using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using Xunit;

namespace MedCard.Settlement.Tests.Rules;

public sealed class SettlementCalculatorTests
{
    private static readonly Accumulator Fresh = new("X", 2026, VisitType.Outpatient, 0, 0);

    [Fact]
    public void Fund_share_is_rounded_down_to_the_fen_in_favour_of_the_fund()
    {
        // 3.33 eligible, no deductible, 30 % co-payment: 70 % of 333 fen is 233.1 fen -> fund 233, holder 100.
        FundShare share = SettlementCalculator.ComputeFundShare([new BillItem("a", "a", ItemClass.Covered, 333)],
            new VisitPolicy(0, 3000, 1_000_000), Fresh);
        Assert.Equal(233, share.Fund);
        Assert.Equal(100, share.OutOfPocket);
        Assert.Contains(share.Steps, s => s.Contains("rounded down", StringComparison.Ordinal));
    }

    [Fact]
    public void Partly_self_paid_items_count_only_their_eligible_part_rounded_down()
    {
        // 10.01 with 15 % self-paid first: eligible floor(1001 * 0.85) = 850 fen, 151 fen paid first.
        FundShare share = SettlementCalculator.ComputeFundShare(
            [new BillItem("p", "p", ItemClass.PartlySelfPaid, 10_01, 1500), new BillItem("s", "s", ItemClass.FullySelfPaid, 5_00)],
            new VisitPolicy(0, 0, 1_000_000), Fresh);
        Assert.Equal(850, share.Eligible);
        Assert.Equal(151, share.PartlySelfPaidFirst);
        Assert.Equal(5_00, share.FullySelfPaid);
        Assert.Equal(850, share.Fund);
        Assert.Equal(15_01 - 850, share.OutOfPocket);
    }

    [Fact]
    public void Deductible_already_met_is_not_applied_twice_and_the_cap_cuts_the_rest()
    {
        var ytd = new Accumulator("X", 2026, VisitType.Inpatient, 700_00, 990_00);
        FundShare share = SettlementCalculator.ComputeFundShare([new BillItem("a", "a", ItemClass.Covered, 300_00)],
            new VisitPolicy(800_00, 2000, 1_000_00), ytd);
        Assert.Equal(100_00, share.DeductibleApplied);
        Assert.Equal(160_00, share.FundBeforeCap);
        Assert.Equal(10_00, share.Fund);
        Assert.Equal(150_00, share.CapCut);
    }

    [Fact]
    public void Out_of_pocket_is_paid_from_own_account_then_relative_then_cash()
    {
        PaymentSplit split = SettlementCalculator.SplitOutOfPocket(100_00, 30_00, "R", 50_00);
        Assert.Equal((30_00L, 50_00L, 20_00L), (split.OwnAccount, split.RelativeAccount, split.Cash));
        PaymentSplit noRelative = SettlementCalculator.SplitOutOfPocket(100_00, 130_00, null, 0);
        Assert.Equal((100_00L, 0L, 0L), (noRelative.OwnAccount, noRelative.RelativeAccount, noRelative.Cash));
    }

    [Fact]
    public void For_any_bill_and_year_to_date_the_shares_add_up_and_respect_deductible_ratio_and_cap()
    {
        Gen<BillItem> item =
            from cls in Gen.Elements(ItemClass.Covered, ItemClass.PartlySelfPaid, ItemClass.FullySelfPaid)
            from amount in Gen.Choose(1, 2_000_000)
            from ratio in Gen.Choose(0, 10_000)
            select new BillItem("i", "i", cls, amount, cls == ItemClass.PartlySelfPaid ? ratio : 0);
        Gen<(BillItem[] Items, VisitPolicy Policy, Accumulator Ytd, long Own, long Relative)> cases =
            from items in item.NonEmptyListOf().Select(l => l.ToArray())
            from deductible in Gen.Choose(0, 200_000)
            from copay in Gen.Choose(0, 10_000)
            from cap in Gen.Choose(0, 5_000_000)
            from met in Gen.Choose(0, 200_000)
            from paid in Gen.Choose(0, 5_000_000)
            from own in Gen.Choose(0, 1_000_000)
            from relative in Gen.Choose(0, 1_000_000)
            select (items, new VisitPolicy(deductible, copay, cap), new Accumulator("X", 2026, VisitType.Outpatient, met, paid), (long)own,
                (long)relative);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            FundShare s = SettlementCalculator.ComputeFundShare(c.Items, c.Policy, c.Ytd);
            PaymentSplit p = SettlementCalculator.SplitOutOfPocket(s.OutOfPocket, c.Own, "R", c.Relative);
            long total = c.Items.Sum(i => i.Amount);
            long deductibleLeft = Math.Max(0, c.Policy.YearlyDeductible - c.Ytd.DeductibleMet);
            long capLeft = Math.Max(0, c.Policy.YearlyFundCap - c.Ytd.FundPaid);
            return s.Total == total
                && s.Fund >= 0 && s.Fund <= capLeft && s.Fund <= s.Eligible - s.DeductibleApplied
                && s.DeductibleApplied == Math.Min(s.Eligible, deductibleLeft)
                && s.Fund * 10_000 <= (s.Eligible - s.DeductibleApplied) * (10_000 - c.Policy.CoPaymentBasisPoints)
                && s.Fund + s.OutOfPocket == total
                && p.OwnAccount + p.RelativeAccount + p.Cash == s.OutOfPocket
                && p.OwnAccount <= c.Own && p.RelativeAccount <= c.Relative
                && (p.Cash == 0 || (p.OwnAccount == c.Own && p.RelativeAccount == c.Relative));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }
}
