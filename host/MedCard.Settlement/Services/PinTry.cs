using System;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>
/// The one PIN-try routine of the ledger, used by the check before signing (<see cref="CardDesk.VerifyPinAsync"/>), by
/// settlement with a PIN (<see cref="SettlementService"/>) and by the PIN change at a desk. The caller holds the card's
/// row lock (read with <c>forUpdate</c>) in the current transaction, so the whole try is one critical section:
/// <list type="number">
/// <item>a try is spent (written) before the compare; the UPDATE is queued in the session (<see cref="LedgerSession"/>
/// sends writes with its next read or at commit) and a later update of the card takes its place, which nobody can tell
/// apart: it is the same transaction, under the same row lock;</item>
/// <item>the PIN is compared (constant time, against the stored verification value);</item>
/// <item>a right PIN gives the tries back and, when the stored value is a legacy PBKDF2 hash or is under a key that is
/// no longer current, replaces it with a keyed value under the current key (same transaction, so migration needs no
/// desk visit and a wrong PIN never rewrites anything).</item>
/// </list>
/// Why one transaction and not two: with the decrement committed on its own, concurrent right PINs on one card each hold
/// a try while they compare, and the fourth of them sees zero tries left and is told "blocked" although every PIN was
/// right. Under the row lock the tries never drop below what the finished attempts left. A process killed during the
/// compare rolls the spent try back, but it also never answered: nobody learns whether that PIN was right, so no free
/// guess is won.
/// </summary>
internal static class PinTry
{
    /// <summary>Spends a try on <paramref name="card"/> (locked by the caller), compares, restores on success. Returns the
    /// card as stored afterwards and whether the PIN was right. <paramref name="credential"/> is the card's PIN credential
    /// when the caller read it with the locked card row (then it is not read again).</summary>
    public static async Task<(bool Right, Card Card)> SpendAndCompareAsync(LedgerSession session, PinProtection protection, Card card, PinDigits pin,
        PinCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(pin);
        Card spent = card with { PinTriesLeft = card.PinTriesLeft - 1 };
        await session.UpdateCardAsync(spent).ConfigureAwait(false);
        credential ??= await session.GetPinCredentialAsync(card.CardNumber).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Card without PIN credential.");
        (bool right, PinCredential? upgrade) = protection.Verify(card.CardNumber, credential, pin);
        if (!right)
        {
            return (false, spent);
        }

        if (upgrade is not null)
        {
            await session.SetPinCredentialAsync(card.CardNumber, upgrade).ConfigureAwait(false);
        }

        // A right PIN ends the run of wrong ones.
        Card restored = spent with { PinTriesLeft = CardRules.PinTries };
        await session.UpdateCardAsync(restored).ConfigureAwait(false);
        return (true, restored);
    }
}
