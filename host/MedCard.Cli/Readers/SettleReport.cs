using System.Collections.Generic;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Readers;

/// <summary>What happened to one settlement, end to end: the signed record, the host's verdict on it, and the
/// ledger's outcome (null when the host refused the record before the ledger saw it).</summary>
internal sealed record SettleReport(
    uint ReaderId,
    uint Counter,
    string CardNumber,
    long Total,
    VisitType VisitType,
    string InstitutionId,
    string RecordVerdict,
    SettlementOutcome? Outcome,
    Refusal? Refusal)
{
    public bool Settled => Refusal is null && Outcome is { Settled: true };

    /// <summary>Set when the record is a second signing of a request already counted (verdict DuplicateSigning): the
    /// counter of the record that carried the bill. Nothing was settled or debited for this record; not a refusal.</summary>
    public uint? AlreadyCountedAs { get; init; }

    /// <summary>The answer to a second delivery of the same record (only with --fault resend).</summary>
    public SettleReport? Resend { get; init; }

    public IReadOnlyList<string> Explanation => Outcome?.Explanation ?? [];

    public static TransactionType TypeFor(VisitType visit) => visit == VisitType.Emergency ? TransactionType.Emergency : TransactionType.Purchase;
}
