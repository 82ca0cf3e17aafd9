using System;

namespace MedCard.Settlement.Model;

/// <summary>
/// The scheme's parameters for one visit type. Ratios are integer basis points (1/100 of a percent)
/// so no floating point ever touches money.
/// </summary>
/// <param name="YearlyDeductible">Eligible spending (fen) the holder bears each calendar year before the fund pays.</param>
/// <param name="CoPaymentBasisPoints">Holder's share of eligible spending above the deductible, 0..10000.</param>
/// <param name="YearlyFundCap">Most the pooled fund pays for this person and visit type in a calendar year (fen).</param>
public sealed record VisitPolicy(long YearlyDeductible, int CoPaymentBasisPoints, long YearlyFundCap)
{
    /// <summary>Throws <see cref="System.ArgumentException"/> for a negative deductible or cap, or a co-payment outside 0..10000.</summary>
    public void Validate()
    {
        if (YearlyDeductible < 0 || YearlyFundCap < 0)
        {
            throw new ArgumentException("Deductible and cap must not be negative.");
        }

        if (CoPaymentBasisPoints < 0 || CoPaymentBasisPoints > 10000)
        {
            throw new ArgumentException("Co-payment ratio must be 0..10000 basis points.");
        }
    }
}
