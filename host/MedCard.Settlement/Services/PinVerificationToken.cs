using System;
using System.Threading;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

/// <summary>
/// Proof that the holder typed the right PIN for one card on one reader, issued by
/// <see cref="CardDesk.VerifyPinAsync"/> and spent by the settlement of the record that reader signs next.
///
/// Why a token rather than "settle with the PIN again": the try counter must be decremented before the
/// compare, and the compare must happen BEFORE the reader signs (a wrong PIN must never cost a signed
/// record). Settling the signed record with the PIN a second time would spend a second try. The token
/// carries the result of the first check instead, and is bound so it cannot vouch for anything else:
/// <list type="bullet">
/// <item>the card number and the reader id it was verified for;</item>
/// <item>the reader's counter: only a record with a counter ABOVE the last one the ledger had seen from
/// that reader at verification time qualifies (the reader persists counter+1 before it signs, so the record
/// signed after this PIN entry is always above it; an old record is not);</item>
/// <item>a short lifetime (<see cref="LedgerOptions.PinVerificationLifetime"/>, 2 minutes by default);</item>
/// <item>single use: the first settlement that presents it consumes it, whatever that settlement's outcome.</item>
/// </list>
/// It lives only in this process's memory (it is never stored): a host that restarts between the PIN entry and
/// the settlement asks for the PIN again. Only the ledger creates one (internal constructor).
/// </summary>
public sealed class PinVerificationToken
{
    private int _spent;

    internal PinVerificationToken(string cardNumber, uint readerId, long lastCounterAtVerification, DateTimeOffset expiresAt)
    {
        CardNumber = cardNumber;
        ReaderId = readerId;
        LastCounterAtVerification = lastCounterAtVerification;
        ExpiresAt = expiresAt;
    }

    /// <summary>The card whose PIN was checked.</summary>
    public string CardNumber { get; }

    /// <summary>The reader at which the PIN was entered.</summary>
    public uint ReaderId { get; }

    /// <summary>The ledger's last counter from <see cref="ReaderId"/> when the PIN was checked (-1: none yet).</summary>
    public long LastCounterAtVerification { get; }

    /// <summary>When the token stops vouching.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>True once a settlement has used the token.</summary>
    public bool IsSpent => Volatile.Read(ref _spent) != 0;

    /// <summary>Why this token cannot vouch for <paramref name="tx"/>, or null when it can. Does not spend it.</summary>
    internal string? MismatchWith(VerifiedTransaction tx, DateTimeOffset now)
    {
        if (!string.Equals(tx.CardNumber, CardNumber, StringComparison.Ordinal))
        {
            return "the PIN was verified for another card";
        }

        if (tx.ReaderId != ReaderId)
        {
            return "the PIN was verified on reader " + ReaderId + ", the record comes from reader " + tx.ReaderId;
        }

        if (tx.Counter <= LastCounterAtVerification)
        {
            return "the record (counter " + tx.Counter + ") is older than the PIN verification (after counter " + LastCounterAtVerification + ")";
        }

        if (now > ExpiresAt)
        {
            return "the PIN verification expired at " + ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>Marks the token used; false if it already was.</summary>
    internal bool TrySpend() => Interlocked.Exchange(ref _spent, 1) == 0;

    /// <summary>Card, reader and whether spent.</summary>
    public override string ToString() => "PinVerificationToken(card " + CardNumber + ", reader " + ReaderId + (IsSpent ? ", spent)" : ")");
}
