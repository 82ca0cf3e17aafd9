using System;
using System.Security.Cryptography;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Rules;

/// <summary>
/// Salted slow hash for PINs: PBKDF2 with HMAC-SHA256, 16-byte random salt, 32-byte output. The slow
/// hash only protects a stolen database; on-line guessing is stopped by the 3-try counter.
/// </summary>
public sealed class PinHasher
{
    /// <summary>Production default. A 6-digit PIN has only 10^6 values, so the count is about making an
    /// offline search of a stolen table cost hours per card rather than about the PIN's own entropy.</summary>
    public const int DefaultIterations = 100_000;

    private const int SaltLength = 16;
    private const int HashLength = 32;

    /// <summary>A hasher making credentials with <paramref name="iterations"/> PBKDF2 iterations.</summary>
    public PinHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
    }

    /// <summary>The PBKDF2 iteration count of new credentials.</summary>
    public int Iterations { get; }

    /// <summary>Hashes <paramref name="pin"/> under a fresh random salt.</summary>
    public PinCredential Hash(PinDigits pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltLength);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(pin.Digits, salt, Iterations, HashAlgorithmName.SHA256, HashLength);
        return new PinCredential(salt, hash, Iterations);
    }

    /// <summary>Constant-time comparison; uses the iteration count stored with the credential.</summary>
    public static bool Verify(PinCredential credential, PinDigits pin)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(pin);
        Span<byte> candidate = stackalloc byte[HashLength];
        Rfc2898DeriveBytes.Pbkdf2(pin.Digits, credential.Salt, candidate, credential.Iterations, HashAlgorithmName.SHA256);
        bool same = credential.Hash.Length == HashLength && CryptographicOperations.FixedTimeEquals(candidate, credential.Hash);
        CryptographicOperations.ZeroMemory(candidate);
        return same;
    }
}
