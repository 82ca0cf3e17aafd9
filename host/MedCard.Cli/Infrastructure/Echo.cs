using System.Globalization;
using System.Text;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// How a value someone typed is quoted back in an error: at most <see cref="MaxChars"/> characters and an ellipsis,
/// control and bidirectional formatting characters shown as \uXXXX escapes, so a 100,000-character argument or one
/// carrying a line break or U+202E can neither flood the terminal nor forge the rest of the line. Secrets (PINs, keys,
/// connection strings) are never passed here: their messages do not quote them at all.
/// </summary>
internal static class Echo
{
    public const int MaxChars = 64;

    /// <summary>An error is one line on stderr, and never longer than this.</summary>
    public const int MaxLineChars = 600;

    public static string Value(string? value, int max = MaxChars)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(System.Math.Min(value.Length, max) + 8);
        int shown = 0;
        foreach (char c in value)
        {
            if (shown == max)
            {
                return sb.Append('…').ToString();
            }

            if (TextRule.IsControl(c) || TextRule.IsBidiFormatting(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }

            shown++;
        }

        return sb.ToString();
    }

    /// <summary>A whole message made safe as one line (escapes as above, capped at <see cref="MaxLineChars"/>).</summary>
    public static string Line(string message) => Value(message, MaxLineChars);
}
