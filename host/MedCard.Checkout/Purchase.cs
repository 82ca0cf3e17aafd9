using System;
using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Checkout;

/// <summary>One purchase as the hospital's or pharmacy's system asks for it: the bill, where, what kind of visit, and
/// optionally which card is expected on the reader.</summary>
/// <param name="Items">The bill, in fen; its total is what the reader signs.</param>
/// <param name="InstitutionId">The institution the bill comes from (must be registered in the ledger).</param>
/// <param name="VisitType">Outpatient, inpatient, pharmacy or emergency.</param>
public sealed record Purchase(IReadOnlyList<BillItem> Items, string InstitutionId, VisitType VisitType)
{
    /// <summary>The card number expected on the reader; null = whichever card is presented.</summary>
    public string? CardNumber { get; init; }

    /// <summary>The card UID expected on the reader; null = any.</summary>
    public byte[]? CardUid { get; init; }

    /// <summary>Resident ID of a bound relative whose account pays what the holder's own account cannot.</summary>
    public string? PayFromRelativeResidentId { get; init; }
}
