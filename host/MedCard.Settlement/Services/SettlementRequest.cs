using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>What a reader and the hospital's system submit for one settlement.</summary>
/// <param name="Pin">The PIN the holder typed, recovered from the reader's PIN block by the host link.</param>
/// <param name="PayFromRelativeResidentId">When set, the rest after the holder's own account is paid from
/// this relative's account; requires a binding in which that relative pays for the holder.</param>
public sealed record SettlementRequest(
    VerifiedTransaction Transaction,
    IReadOnlyList<BillItem> Items,
    string InstitutionId,
    VisitType VisitType,
    PinDigits Pin,
    string? PayFromRelativeResidentId = null);
