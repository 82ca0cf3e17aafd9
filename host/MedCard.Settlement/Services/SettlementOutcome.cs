using System;
using System.Collections.Generic;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>The answer to a settlement request. Built from the stored record when there is one, so a
/// resubmitted record gets exactly the same answer (<see cref="Duplicate"/> = true).</summary>
public sealed class SettlementOutcome
{
    private SettlementOutcome(SettlementRecord? record, Refusal? refusal, bool duplicate)
    {
        Record = record;
        Refusal = refusal;
        Duplicate = duplicate;
    }

    /// <summary>The stored settlement or refusal; null for refusals that are not stored (forged, replayed,
    /// out-of-order records never take a (reader, counter) slot).</summary>
    public SettlementRecord? Record { get; }

    /// <summary>Why the bill was refused; null when settled.</summary>
    public Refusal? Refusal { get; }

    /// <summary>True when this record had been submitted before and this is the stored answer.</summary>
    public bool Duplicate { get; }

    /// <summary>True when the bill was settled.</summary>
    public bool Settled => Refusal is null;

    /// <summary>Fen the pooled fund paid.</summary>
    public long Fund => Record?.Fund ?? 0;

    /// <summary>Fen taken from the holder's personal account.</summary>
    public long OwnAccount => Record?.OwnAccount ?? 0;

    /// <summary>Fen taken from a bound relative's personal account.</summary>
    public long RelativeAccount => Record?.RelativeAccount ?? 0;

    /// <summary>Fen the holder pays in cash.</summary>
    public long Cash => Record?.Cash ?? 0;

    /// <summary>One line per step: record checks, deductible, ratio, cap, rounding, payment split.</summary>
    public IReadOnlyList<string> Explanation =>
        Record is null || Record.Explanation.Length == 0 ? Array.Empty<string>() : Record.Explanation.Split('\n');

    internal static SettlementOutcome FromRecord(SettlementRecord record, bool duplicate) =>
        new(record, record.Settled ? null : new Refusal(record.Outcome, record.Message, record.PinTriesLeft), duplicate);

    internal static SettlementOutcome NotStored(Refusal refusal) => new(null, refusal, false);

    /// <summary>The split in yuan, or the refusal's key and message.</summary>
    public override string ToString() =>
        Settled
            ? "settled fund=" + SettlementCalculator.Fen(Fund) + " own=" + SettlementCalculator.Fen(OwnAccount) + " relative="
              + SettlementCalculator.Fen(RelativeAccount) + " cash=" + SettlementCalculator.Fen(Cash) + (Duplicate ? " (duplicate)" : string.Empty)
            : "refused " + Refusal!.Key + ": " + Refusal.Message;
}
