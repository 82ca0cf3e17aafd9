using System;

namespace MedCard.Settlement.Rules;

/// <summary>
/// Holder of the PIN verification keys (PVKs). The ledger never sees a key: it asks the store for the current key id
/// and for a MAC under a named key, which is exactly what an HSM or a vault's transit engine offers. The development
/// implementation is <see cref="PinKeyFile"/>. Keys are named by ids so they can rotate: a verification value keeps
/// the id of the key it was made under, and verifies for as long as that key is in the store.
/// </summary>
public interface IPinVerificationKeyStore
{
    /// <summary>Id of the key new verification values are made under.</summary>
    string CurrentKeyId { get; }

    /// <summary>Writes HMAC-SHA256 of <paramref name="data"/> under the key <paramref name="keyId"/> into
    /// <paramref name="mac"/> (32 bytes). False when the store has no such key.</summary>
    bool TryComputeMac(string keyId, ReadOnlySpan<byte> data, Span<byte> mac);
}
