using System;
using System.Globalization;

namespace MedCard.Settlement.Model;

/// <summary>
/// The one rule for text the ledger stores and prints (holder and employer names, institution ids and names, claim
/// references): not empty or blank, at most a stated length, and free of control characters (C0, DEL, C1) and of
/// the invisible bidirectional formatting characters (U+200E/U+200F, U+202A-U+202E, U+2066-U+2069), which can make
/// a statement or a terminal show text in another order than it is stored ("Trojan Source", CVE-2021-42574).
/// The medcard tool applies the same rule to every value typed on its command line.
/// </summary>
public static class TextRule
{
    /// <summary>Longest holder, employer or institution name (characters).</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest identifier or reference (institution id, receipt reference).</summary>
    public const int MaxIdLength = 64;

    /// <summary>Null when <paramref name="value"/> is acceptable, otherwise why not (never echoing the value).</summary>
    public static string? Problem(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty";
        }

        if (value.Length > maxLength)
        {
            return "is longer than " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters";
        }

        foreach (char c in value)
        {
            if (IsControl(c))
            {
                return "contains the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }

            if (IsBidiFormatting(c))
            {
                return "contains the bidirectional formatting character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>True when <see cref="Problem"/> finds nothing.</summary>
    public static bool IsValid(string? value, int maxLength) => Problem(value, maxLength) is null;

    /// <summary>C0 controls, DEL and C1 controls.</summary>
    public static bool IsControl(char c) => c < '\u0020' || (c >= '\u007F' && c <= '\u009F');

    /// <summary>LRM/RLM, the embeddings and overrides (LRE..RLO) and the isolates (LRI..PDI).</summary>
    public static bool IsBidiFormatting(char c) =>
        c is '\u200E' or '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> when the value breaks the rule.</summary>
    public static void Validate(string? value, int maxLength, string paramName)
    {
        if (Problem(value, maxLength) is { } problem)
        {
            throw new ArgumentException(paramName + " " + problem + ".", paramName);
        }
    }
}
