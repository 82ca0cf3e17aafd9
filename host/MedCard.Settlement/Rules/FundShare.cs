using System.Collections.Generic;

namespace MedCard.Settlement.Rules;

/// <summary>How much of a bill the pooled fund pays, with the intermediate figures (all fen).</summary>
public sealed record FundShare(
    long Total,
    long FullySelfPaid,
    long PartlySelfPaidFirst,
    long Eligible,
    long DeductibleApplied,
    long AboveDeductible,
    long FundBeforeCap,
    long CapCut,
    long Fund,
    IReadOnlyList<string> Steps)
{
    /// <summary>Everything the fund does not pay: paid from personal account(s) and cash.</summary>
    public long OutOfPocket => Total - Fund;
}
