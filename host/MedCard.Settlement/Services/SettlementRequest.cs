using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>What a reader and the hospital's system submit for one settlement.</summary>
/// <param name="Pin">The PIN the holder typed, recovered from the reader's PIN block by the host link; checked
/// (and a try counted) by the settlement. Null when <see cref="VerifiedPin"/> carries an earlier check.</param>
/// <param name="PayFromRelativeResidentId">When set, the rest after the holder's own account is paid from
/// this relative's account; requires a binding in which that relative pays for the holder.</param>
public sealed record SettlementRequest(
    VerifiedTransaction Transaction,
    IReadOnlyList<BillItem> Items,
    string InstitutionId,
    VisitType VisitType,
    PinDigits? Pin,
    string? PayFromRelativeResidentId = null)
{
    /// <summary>
    /// The PIN was already checked before the reader signed (<see cref="CardDesk.VerifyPinAsync"/>): the
    /// settlement spends this token instead of checking <see cref="Pin"/>, so no second try is counted.
    /// Exactly one of <see cref="Pin"/> and <see cref="VerifiedPin"/> must be set.
    /// </summary>
    public PinVerificationToken? VerifiedPin { get; init; }
}
