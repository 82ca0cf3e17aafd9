namespace MedCard.Settlement.Rules;

/// <summary>Stored form of a PIN: PBKDF2-HMAC-SHA256 output with its salt and iteration count (kept per
/// card so the count can be raised later without invalidating older hashes).</summary>
public sealed class PinCredential
{
    /// <summary>A stored credential: <paramref name="salt"/>, PBKDF2 <paramref name="hash"/> and its <paramref name="iterations"/>.</summary>
    public PinCredential(byte[] salt, byte[] hash, int iterations)
    {
        Salt = salt;
        Hash = hash;
        Iterations = iterations;
    }

    /// <summary>The random salt.</summary>
    public byte[] Salt { get; }

    /// <summary>The PBKDF2 output.</summary>
    public byte[] Hash { get; }

    /// <summary>The PBKDF2 iteration count the hash was made with.</summary>
    public int Iterations { get; }

    /// <summary>The algorithm and iteration count; never the salt or the hash.</summary>
    public override string ToString() => "PinCredential(PBKDF2-SHA256, " + Iterations + " iterations)";
}
