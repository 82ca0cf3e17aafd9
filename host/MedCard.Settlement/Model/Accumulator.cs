namespace MedCard.Settlement.Model;

/// <summary>Year-to-date totals for one person, calendar year and visit type.</summary>
public sealed record Accumulator(string ResidentId, int Year, VisitType VisitType, long DeductibleMet, long FundPaid);
