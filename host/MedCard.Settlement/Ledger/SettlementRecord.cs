using System;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Ledger;

/// <summary>The stored outcome for one (reader id, counter): settled or refused. Exactly one per key, so a
/// resubmitted record gets the same answer and never debits twice.</summary>
public sealed record SettlementRecord(
    uint ReaderId,
    uint Counter,
    byte[] ContentHash,
    ReasonCode Outcome,
    string Message,
    int? PinTriesLeft,
    string CardNumber,
    string? ResidentId,
    string InstitutionId,
    VisitType VisitType,
    int Year,
    DateTimeOffset Time,
    long Total,
    long Fund,
    long DeductibleApplied,
    long OwnAccount,
    long RelativeAccount,
    string? RelativeId,
    long Cash,
    string Explanation,
    long? EntryId,
    long? ReversalEntryId)
{
    /// <summary>True when the bill was settled, false for a stored refusal.</summary>
    public bool Settled => Outcome == ReasonCode.None;

    /// <summary>"reader/counter": the record's unique reference in the journal.</summary>
    public string Reference => ReaderId + "/" + Counter;
}
