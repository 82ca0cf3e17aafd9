using System;
using System.Collections.Generic;

namespace MedCard.Settlement.Ledger;

/// <summary>The inter-region clearing of a period: one line per (paid by, owed by) pair of regions, ordered by the two codes.</summary>
/// <param name="From">First day of the period, scheme calendar.</param>
/// <param name="To">Last day of the period (inclusive), scheme calendar.</param>
public sealed record ClearingReport(DateOnly From, DateOnly To, IReadOnlyList<ClearingLine> Lines);
