namespace MedCard.Settlement.Rules;

/// <summary>Stored form of a PIN: PBKDF2-HMAC-SHA256 output with its salt and iteration count (kept per
/// card so the count can be raised later without invalidating older hashes).</summary>
public sealed class PinCredential
{
    public PinCredential(byte[] salt, byte[] hash, int iterations)
    {
        Salt = salt;
        Hash = hash;
        Iterations = iterations;
    }

    public byte[] Salt { get; }

    public byte[] Hash { get; }

    public int Iterations { get; }

    public override string ToString() => "PinCredential(PBKDF2-SHA256, " + Iterations + " iterations)";
}
