using System;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Rules;

/// <summary>
/// The one rule for which stored form a PIN gets and how a stored form is checked: with a key store configured new
/// PINs get keyed verification values (<see cref="PinVerificationValue"/>), without one the PBKDF2 hash
/// (<see cref="PinHasher"/>). A right PIN against a legacy hash, or against a value under a key that is no longer
/// current, yields the replacement value under the current key, which the caller writes in the same transaction.
/// </summary>
internal sealed class PinProtection
{
    private readonly PinHasher _hasher;
    private readonly IPinVerificationKeyStore? _keys;

    public PinProtection(int pbkdf2Iterations, IPinVerificationKeyStore? keys)
    {
        _hasher = new PinHasher(pbkdf2Iterations);
        _keys = keys;
    }

    /// <summary>The stored form of a newly set PIN for the card <paramref name="cardNumber"/>.</summary>
    public PinCredential Protect(string cardNumber, PinDigits pin) =>
        _keys is null ? _hasher.Hash(pin) : PinVerificationValue.Create(_keys, cardNumber, pin);

    /// <summary>Checks <paramref name="pin"/>; on a right PIN, <c>Upgrade</c> is the value to store instead (null when the
    /// stored one is already under the current key). A keyed value without a key store is a configuration fault.</summary>
    public (bool Right, PinCredential? Upgrade) Verify(string cardNumber, PinCredential stored, PinDigits pin)
    {
        ArgumentNullException.ThrowIfNull(stored);
        bool right;
        if (stored.KeyId is null)
        {
            right = PinHasher.Verify(stored, pin);
        }
        else
        {
            right = PinVerificationValue.Verify(
                _keys ?? throw new PinKeyUnavailableException(stored.KeyId, "The card's PIN is keyed (key " + stored.KeyId + ") but no PIN key store is configured."),
                cardNumber, stored, pin);
        }

        bool stale = _keys is not null && !string.Equals(stored.KeyId, _keys.CurrentKeyId, StringComparison.Ordinal);
        return (right, right && stale ? PinVerificationValue.Create(_keys!, cardNumber, pin) : null);
    }
}
