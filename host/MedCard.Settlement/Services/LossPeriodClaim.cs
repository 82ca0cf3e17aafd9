using System;
using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>An outpatient (or pharmacy) bill the holder paid in full while the card was reported lost.</summary>
/// <param name="ClaimReference">The service desk's reference (e.g. the receipt number); makes the claim idempotent.</param>
/// <param name="LostCardNumber">The card that was lost and has since been replaced.</param>
public sealed record LossPeriodClaim(
    string ClaimReference,
    string LostCardNumber,
    string InstitutionId,
    VisitType VisitType,
    IReadOnlyList<BillItem> Items,
    DateTimeOffset Time);
