using System.Globalization;
using MedCard.Settlement.Rules;

namespace MedCard.Cli.Infrastructure;

/// <summary>Amounts on the command line are yuan with at most two decimals ("12", "12.5", "12.50"); inside
/// everything is integer fen. Parsed by hand so no binary floating point ever touches money.</summary>
internal static class Money
{
    /// <summary>Largest accepted amount: 10^12 fen (ten billion yuan) keeps every sum far from overflow.</summary>
    private const long MaxFen = 1_000_000_000_000;

    public static bool TryParseYuan(string? text, out long fen)
    {
        fen = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        int dot = s.IndexOf('.');
        string whole = dot < 0 ? s : s[..dot];
        string frac = dot < 0 ? string.Empty : s[(dot + 1)..];
        if (whole.Length == 0 || whole.Length > 13 || frac.Length > 2 || (dot >= 0 && frac.Length == 0))
        {
            return false;
        }

        foreach (char c in whole + frac)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        long yuan = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        long cents = frac.Length == 0 ? 0 : long.Parse(frac.PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        fen = yuan * 100 + cents;
        return fen <= MaxFen;
    }

    public static long ParseYuan(string? text, string what)
    {
        if (!TryParseYuan(text, out long fen))
        {
            throw CliException.BadInput(what + " '" + Echo.Value(text) + "' is not an amount", "give yuan with at most two decimals, e.g. 125.80");
        }

        return fen;
    }

    /// <summary>"1234.50" style, the same rendering the settlement explanations use.</summary>
    public static string Format(long fen) => SettlementCalculator.Fen(fen);
}
