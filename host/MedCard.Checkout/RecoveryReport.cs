using System.Collections.Generic;

namespace MedCard.Checkout;

/// <summary>What journal recovery found: the reader's signed records the ledger had not filed yet, each now voided with
/// its reason, and the position acknowledged to the reader.</summary>
public sealed class RecoveryReport
{
    internal RecoveryReport(IReadOnlyList<VoidedRecord> voided, IReadOnlyList<string> unfiled, uint acknowledgedUpTo)
    {
        Voided = voided;
        Unfiled = unfiled;
        AcknowledgedUpTo = acknowledgedUpTo;
    }

    /// <summary>Signed records that were never settled, now filed as void (reason <c>record.voided</c>).</summary>
    public IReadOnlyList<VoidedRecord> Voided { get; }

    /// <summary>Journal records the host could not file (not genuine, or off this reader's chain), one line each. They stay
    /// in the reader's journal.</summary>
    public IReadOnlyList<string> Unfiled { get; }

    /// <summary>The counter the reader was told it may prune up to (0 = nothing).</summary>
    public uint AcknowledgedUpTo { get; }
}

/// <summary>One signed record filed as void.</summary>
/// <param name="ReaderId">The reader.</param>
/// <param name="Counter">Its counter.</param>
/// <param name="Amount">The amount it signed, in fen (nothing was charged).</param>
/// <param name="Reason">Why it was voided.</param>
public sealed record VoidedRecord(uint ReaderId, uint Counter, long Amount, string Reason);
