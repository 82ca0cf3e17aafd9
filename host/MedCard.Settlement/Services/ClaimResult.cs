using System;
using System.Collections.Generic;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>Outcome of a loss-period claim: the fund share credited to the personal account, with steps.</summary>
public sealed record ClaimResult(Refusal? Refusal, bool Duplicate, long Reimbursed, IReadOnlyList<string> Steps)
{
    /// <summary>True when the claim was reimbursed.</summary>
    public bool Succeeded => Refusal is null;

    internal static ClaimResult Refused(ReasonCode code, string? detail = null) =>
        new(Rules.Refusal.Of(code, detail), false, 0, Array.Empty<string>());
}
