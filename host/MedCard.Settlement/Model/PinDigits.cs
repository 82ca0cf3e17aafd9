using System;
using System.Security.Cryptography;

namespace MedCard.Settlement.Model;

/// <summary>
/// A PIN as digit values (0..9, one byte each) — never a string, so it cannot be interned, logged or
/// formatted by accident. The owner disposes it to wipe the digits.
/// </summary>
public sealed class PinDigits : IDisposable
{
    /// <summary>Fewest digits a PIN has.</summary>
    public const int MinLength = 4;
    /// <summary>Most digits a PIN has.</summary>
    public const int MaxLength = 12;

    private readonly byte[] _digits;

    /// <summary>Copies the digits; the caller may wipe its own buffer right after.</summary>
    public PinDigits(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < MinLength || digits.Length > MaxLength)
        {
            throw new ArgumentException("A PIN has 4 to 12 digits.", nameof(digits));
        }

        foreach (byte d in digits)
        {
            if (d > 9)
            {
                throw new ArgumentException("PIN digits are values 0..9.", nameof(digits));
            }
        }

        _digits = digits.ToArray();
    }

    internal ReadOnlySpan<byte> Digits => _digits;

    /// <summary>The number of digits.</summary>
    public int Length => _digits.Length;

    /// <summary>Wipes the digits.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_digits);

    /// <summary>Masked: the digits never reach a string.</summary>
    public override string ToString() => "PinDigits(****)";
}
