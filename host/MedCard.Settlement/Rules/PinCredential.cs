namespace MedCard.Settlement.Rules;

/// <summary>Stored form of a PIN, one of two kinds:
/// <list type="bullet">
/// <item>keyed (<see cref="KeyId"/> set): a PIN verification value, HMAC-SHA256 under the named PIN verification key
/// (see <see cref="PinVerificationValue"/>); salt empty, iterations 0;</item>
/// <item>legacy (<see cref="KeyId"/> null): PBKDF2-HMAC-SHA256 output with its salt and iteration count (kept per
/// card so the count could be raised without invalidating older hashes), replaced by a keyed value at the holder's
/// next right PIN.</item>
/// </list></summary>
public sealed class PinCredential
{
    /// <summary>A legacy PBKDF2 credential.</summary>
    public PinCredential(byte[] salt, byte[] hash, int iterations)
        : this(salt, hash, iterations, null)
    {
    }

    internal PinCredential(byte[] salt, byte[] hash, int iterations, string? keyId)
    {
        Salt = salt;
        Hash = hash;
        Iterations = iterations;
        KeyId = keyId;
    }

    /// <summary>PBKDF2 salt; empty for a keyed value.</summary>
    public byte[] Salt { get; }

    /// <summary>PBKDF2 output or the keyed verification value.</summary>
    public byte[] Hash { get; }

    /// <summary>PBKDF2 iterations; 0 for a keyed value.</summary>
    public int Iterations { get; }

    /// <summary>Id of the PIN verification key of a keyed value; null for a legacy PBKDF2 hash.</summary>
    public string? KeyId { get; }

    /// <summary>Names the kind only, never the bytes.</summary>
    public override string ToString() => KeyId is null
        ? "PinCredential(PBKDF2-SHA256, " + Iterations + " iterations)"
        : "PinCredential(HMAC-SHA256 PVV, key " + KeyId + ")";
}
