using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Service.Api;

/// <summary>A purchase as the HIS asks for it: the bill and where it comes from. There is no PIN here: the holder types it on
/// the reader's keypad.</summary>
/// <param name="Institution">The institution id registered in the ledger.</param>
/// <param name="Visit">Outpatient (default), Inpatient, Pharmacy or Emergency.</param>
/// <param name="Items">The bill lines, in fen.</param>
/// <param name="CardNumber">The card expected on the reader; null = whichever card is presented.</param>
/// <param name="PayFromRelative">Resident ID of a bound relative whose account pays what the holder's cannot.</param>
public sealed record PurchaseRequest(string? Institution, VisitType? Visit, IReadOnlyList<BillLine>? Items, string? CardNumber = null,
    string? PayFromRelative = null);

/// <summary>One bill line.</summary>
/// <param name="Code">The item code.</param>
/// <param name="Description">What it is (optional).</param>
/// <param name="Class">Covered (default), PartlySelfPaid or FullySelfPaid.</param>
/// <param name="AmountFen">The amount in fen (positive).</param>
/// <param name="SelfPaidBasisPoints">For PartlySelfPaid: the share the holder pays first, in basis points (0-10000).</param>
public sealed record BillLine(string? Code, string? Description, ItemClass? Class, long AmountFen, int SelfPaidBasisPoints = 0);
