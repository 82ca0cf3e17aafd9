using System;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Ledger;

/// <summary>A reimbursed loss-period claim (idempotent by its reference).</summary>
public sealed record ClaimRecord(
    string ClaimReference,
    string CardNumber,
    string ResidentId,
    string InstitutionId,
    VisitType VisitType,
    int Year,
    DateTimeOffset Time,
    long Total,
    long Fund,
    long DeductibleApplied,
    long EntryId,
    string Explanation);
