using System;
using System.Collections.Generic;
using System.Globalization;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Rules;

/// <summary>
/// Pure settlement arithmetic (no store, no clock).
///
/// Rounding rule, applied in this order on a whole bill, every result in integer fen:
/// 1. a partly self-paid item's eligible part is amount × (10000 − ratio) / 10000 rounded DOWN; the
///    holder pays the rest first;
/// 2. the deductible applied is min(eligible, deductible not yet met this year) — no rounding;
/// 3. the fund's share before the cap is (eligible − deductible applied) × (10000 − co-payment) / 10000
///    rounded DOWN, i.e. every fraction of a fen falls to the holder, in favour of the fund;
/// 4. the cap cut is whatever would take the year's fund total above the yearly cap — no rounding.
/// Every fen the fund does not pay is out of pocket, so fund + out of pocket = bill total exactly.
/// </summary>
public static class SettlementCalculator
{
    private const long BasisPoints = 10_000;

    /// <summary>The fund's share of <paramref name="items"/> under <paramref name="policy"/>, given the year's spending so far.</summary>
    public static FundShare ComputeFundShare(IReadOnlyList<BillItem> items, VisitPolicy policy, Accumulator yearToDate)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(yearToDate);
        var steps = new List<string>();
        long total = 0, fullySelfPaid = 0, partlyFirst = 0, eligible = 0;
        foreach (BillItem item in items)
        {
            total = checked(total + item.Amount);
            switch (item.Class)
            {
                case ItemClass.Covered:
                    eligible = checked(eligible + item.Amount);
                    break;
                case ItemClass.FullySelfPaid:
                    fullySelfPaid = checked(fullySelfPaid + item.Amount);
                    steps.Add("item " + item.Code + ": fully self-paid " + Fen(item.Amount));
                    break;
                case ItemClass.PartlySelfPaid:
                    long itemEligible = MulDivFloor(item.Amount, BasisPoints - item.SelfPaidBasisPoints);
                    long first = item.Amount - itemEligible;
                    partlyFirst = checked(partlyFirst + first);
                    eligible = checked(eligible + itemEligible);
                    steps.Add("item " + item.Code + ": " + Ratio(item.SelfPaidBasisPoints) + " self-paid first = " + Fen(first)
                        + " (eligible part " + Fen(itemEligible) + " rounded down)");
                    break;
                default:
                    throw new ArgumentException("Unknown item class.", nameof(items));
            }
        }

        steps.Insert(0, "bill total " + Fen(total) + "; eligible " + Fen(eligible));

        long deductibleLeft = Math.Max(0, policy.YearlyDeductible - yearToDate.DeductibleMet);
        long deductibleApplied = Math.Min(eligible, deductibleLeft);
        steps.Add("deductible: " + Fen(yearToDate.DeductibleMet) + " of " + Fen(policy.YearlyDeductible) + " met this year; applied "
            + Fen(deductibleApplied));

        long above = eligible - deductibleApplied;
        long fundBeforeCap = MulDivFloor(above, BasisPoints - policy.CoPaymentBasisPoints);
        steps.Add("co-payment " + Ratio(policy.CoPaymentBasisPoints) + " of " + Fen(above) + ": fund share " + Fen(fundBeforeCap)
            + " (rounded down to the fen, in favour of the fund)");

        long capLeft = Math.Max(0, policy.YearlyFundCap - yearToDate.FundPaid);
        long fund = Math.Min(fundBeforeCap, capLeft);
        long capCut = fundBeforeCap - fund;
        steps.Add("cap: fund paid " + Fen(yearToDate.FundPaid) + " of " + Fen(policy.YearlyFundCap) + " this year; "
            + (capCut == 0 ? "not reached" : "cut " + Fen(capCut)));
        steps.Add("fund pays " + Fen(fund) + "; out of pocket " + Fen(total - fund));

        return new FundShare(total, fullySelfPaid, partlyFirst, eligible, deductibleApplied, above, fundBeforeCap, capCut, fund, steps);
    }

    /// <param name="relativeBalance">Balance of the chosen relative's account, or 0 when none is chosen.</param>
    public static PaymentSplit SplitOutOfPocket(long outOfPocket, long ownBalance, string? relativeResidentId, long relativeBalance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outOfPocket);
        ArgumentOutOfRangeException.ThrowIfNegative(ownBalance);
        ArgumentOutOfRangeException.ThrowIfNegative(relativeBalance);
        var steps = new List<string>();
        long own = Math.Min(outOfPocket, ownBalance);
        steps.Add("own personal account (balance " + Fen(ownBalance) + ") pays " + Fen(own));
        long rest = outOfPocket - own;
        long relative = 0;
        if (relativeResidentId is not null)
        {
            relative = Math.Min(rest, relativeBalance);
            steps.Add("bound relative's account (balance " + Fen(relativeBalance) + ") pays " + Fen(relative));
            rest -= relative;
        }

        steps.Add("cash " + Fen(rest) + (rest > 0 ? " (balance too low; never a refusal)" : string.Empty));
        return new PaymentSplit(own, relative, relativeResidentId, rest, steps);
    }

    /// <summary>floor(amount × numerator / 10000) for non-negative inputs, without overflow.</summary>
    internal static long MulDivFloor(long amount, long numerator)
    {
        if (amount < 0 || numerator < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Money arithmetic here is on non-negative amounts.");
        }

        return (long)((Int128)amount * numerator / BasisPoints);
    }

    /// <summary>Formats fen as yuan with two decimals ("12.34").</summary>
    public static string Fen(long fen)
    {
        string sign = fen < 0 ? "-" : string.Empty;
        long abs = Math.Abs(fen);
        return sign + (abs / 100).ToString(CultureInfo.InvariantCulture) + "." + (abs % 100).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Ratio(int basisPoints) =>
        (basisPoints / 100).ToString(CultureInfo.InvariantCulture) + "." + (basisPoints % 100).ToString("00", CultureInfo.InvariantCulture) + "%";
}
