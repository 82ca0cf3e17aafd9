using System.Collections.Generic;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Readers;

/// <summary>One settlement as the CLI and the demo ask for it: which reader, which card is presented, the
/// PIN typed on its keypad, and the bill.</summary>
internal sealed record SettleInput(
    uint ReaderId,
    byte[]? Uid,
    string? CardNumber,
    PinKeys Pin,
    IReadOnlyList<BillItem> Items,
    string InstitutionId,
    VisitType VisitType,
    string? PayFromRelativeResidentId = null,
    SettlementFault Fault = SettlementFault.None);
