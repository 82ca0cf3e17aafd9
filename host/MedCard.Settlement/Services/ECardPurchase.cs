using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>A purchase paid with the e-card: the token the holder's phone shows, the bill, where and what kind of visit.</summary>
public sealed record ECardPurchase(string Token, IReadOnlyList<BillItem> Items, string InstitutionId, VisitType VisitType)
{
    /// <summary>A bound relative whose personal account pays instead of the holder's (see family binding).</summary>
    public string? PayFromRelativeResidentId { get; init; }
}
