using System.Collections.Generic;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Checkout;

/// <summary>What happened to one purchase, end to end.</summary>
public sealed class CheckoutResult
{
    internal CheckoutResult(CheckoutStatus status, string reason, string message, uint readerId, uint counter, string? cardNumber, long total,
        string? recordVerdict, SettlementOutcome? outcome)
    {
        Status = status;
        Reason = reason;
        Message = message;
        ReaderId = readerId;
        Counter = counter;
        CardNumber = cardNumber;
        Total = total;
        RecordVerdict = recordVerdict;
        Outcome = outcome;
    }

    /// <summary>Settled, refused or already counted.</summary>
    public CheckoutStatus Status { get; }

    /// <summary>Stable reason code: <c>ok</c> when settled, otherwise a ledger code (<c>pin.wrong</c>, <c>institution.unknown</c>...)
    /// or one of <see cref="CheckoutReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>A readable one-line explanation (no secrets).</summary>
    public string Message { get; }

    /// <summary>The reader used.</summary>
    public uint ReaderId { get; }

    /// <summary>The counter of the record the reader signed for this purchase; 0 when it signed nothing.</summary>
    public uint Counter { get; }

    /// <summary>True when the reader signed a record for this purchase (which is then settled, refused or voided in the ledger).</summary>
    public bool Signed => Counter != 0;

    /// <summary>The card presented (null when none was).</summary>
    public string? CardNumber { get; }

    /// <summary>The bill total in fen.</summary>
    public long Total { get; }

    /// <summary>The host's verdict on the signed record (<c>Accepted</c>, <c>Forged</c>...), null when nothing was signed.</summary>
    public string? RecordVerdict { get; }

    /// <summary>The ledger's answer (split, explanation), null when the ledger was not asked.</summary>
    public SettlementOutcome? Outcome { get; }

    /// <summary>The counter whose settlement already carries this bill (set with <see cref="CheckoutStatus.AlreadyCounted"/>).</summary>
    public uint? AlreadyCountedAs { get; internal init; }

    /// <summary>The ledger's refusal (code, message, PIN tries left) when the ledger refused: before signing (bill,
    /// institution, policy, PIN) or in the settlement. Null when settled or refused by the reader or the checkout itself.</summary>
    public Refusal? Refusal { get; internal init; }

    /// <summary>The ledger's explanation lines (empty when it was not asked).</summary>
    public IReadOnlyList<string> Explanation => Outcome?.Explanation ?? [];

    /// <summary>True when the money moved.</summary>
    public bool IsSettled => Status == CheckoutStatus.Settled;

    /// <inheritdoc />
    public override string ToString() => Status + " " + Reason + " reader " + ReaderId + " counter " + Counter + ": " + Message;
}
