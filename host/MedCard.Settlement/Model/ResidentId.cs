using System;

namespace MedCard.Settlement.Model;

/// <summary>
/// The 18-character resident ID number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character
/// (0-9 or X). The check character is the only structural validation done here; the region and birth
/// date fields are not interpreted because the ledger does not need them.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private const string CheckCharacters = "10X98765432";

    /// <summary>Computes the check character for the first 17 digits (ISO 7064 MOD 11-2).</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17)
        {
            throw new ArgumentException("Exactly 17 digits are needed.", nameof(first17Digits));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            char c = first17Digits[i];
            if (c < '0' || c > '9')
            {
                throw new ArgumentException("Only digits may precede the check character.", nameof(first17Digits));
            }

            sum += (c - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>True when the value is 17 digits followed by the matching check character.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        for (int i = 0; i < 17; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        char last = char.ToUpperInvariant(value[17]);
        return last == ComputeCheckCharacter(value.AsSpan(0, 17));
    }

    /// <summary>Upper-cases a trailing x so the same person is never stored twice.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.ToUpperInvariant();
    }
}
