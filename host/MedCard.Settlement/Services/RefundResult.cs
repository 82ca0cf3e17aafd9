using System.Collections.Generic;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>Outcome of a refund/reversal: the reversing postings, or a refusal.
/// <see cref="AlreadyRefunded"/> is true when the settlement had been reversed before (nothing changed now).</summary>
public sealed record RefundResult(Refusal? Refusal, bool AlreadyRefunded, IReadOnlyList<Posting> Postings)
{
    /// <summary>True when the settlement was refunded.</summary>
    public bool Succeeded => Refusal is null;
}
