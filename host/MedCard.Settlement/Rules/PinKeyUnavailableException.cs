using System;

namespace MedCard.Settlement.Rules;

/// <summary>
/// A stored PIN verification value names a key that the configured key store does not hold, or no key store is
/// configured at all. A configuration fault, never a wrong PIN: the holder's try counter is left as it was. The
/// message names the key id only, never key material.
/// </summary>
public sealed class PinKeyUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for the key <paramref name="keyId"/>.</summary>
    public PinKeyUnavailableException(string keyId, string message)
        : base(message)
    {
        KeyId = keyId;
    }

    /// <summary>The key id the stored value (or the store's current key) names.</summary>
    public string KeyId { get; }
}
