namespace MedCard.Settlement.Ledger;

/// <summary>What one region's fund owes another for a period: the sum of the fund shares the treatment region's fund
/// advanced for the other region's insured persons, less what refunds gave back.</summary>
/// <param name="PaidByRegion">The treatment region: its fund paid the institution.</param>
/// <param name="OwedByRegion">The insured region: its fund owes the amount.</param>
/// <param name="Amount">Net amount owed in fen (settlements minus refunds in the period).</param>
/// <param name="Settlements">Remote settlements in the period.</param>
/// <param name="Refunds">Refunds of remote settlements in the period.</param>
public sealed record ClearingLine(string PaidByRegion, string OwedByRegion, long Amount, long Settlements, long Refunds);
