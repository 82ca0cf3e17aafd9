using System;
using System.Globalization;
using MedCard.Protocol;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Infrastructure;

/// <summary>Validation of the values people type: each failure is a bad-input error that says what was wrong
/// and how it should look. Values that are secrets (PINs) are never echoed back.</summary>
internal static class Inputs
{
    public static byte[] Uid(string? hex, string option = "--uid")
    {
        string s = (hex ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        byte[] uid;
        try
        {
            uid = Convert.FromHexString(s);
        }
        catch (FormatException)
        {
            throw CliException.BadInput(option + " '" + Echo.Value(hex) + "' is not hexadecimal", "give the card UID as 4, 7 or 10 bytes of hex, e.g. 04A1B2C3");
        }

        if (!CardIdentity.IsValidUid(uid))
        {
            throw CliException.BadInput(option + " has " + uid.Length + " bytes", "an ISO 14443A UID has 4, 7 or 10 bytes");
        }

        return uid;
    }

    /// <summary>Converts typed PIN characters to digit values at once; the message never contains the PIN.</summary>
    public static PinDigits Pin(string? text, string option = "--pin")
    {
        if (text is null || text.Length < PinDigits.MinLength || text.Length > PinDigits.MaxLength)
        {
            throw CliException.BadInput(option + " must have " + PinDigits.MinLength + " to " + PinDigits.MaxLength + " digits");
        }

        Span<byte> digits = stackalloc byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9')
            {
                digits.Clear();
                throw CliException.BadInput(option + " must contain digits only");
            }

            digits[i] = (byte)(c - '0');
        }

        var pin = new PinDigits(digits);
        digits.Clear();
        return pin;
    }

    public static string ResidentId(string? value, string option = "--id")
    {
        string? id = MedCard.Protocol.ResidentId.Normalize(value?.Trim());
        // Today in the scheme's calendar (China, UTC+8) for the birth-date check; the ledger checks again with its own clock.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        if (MedCard.Settlement.Rules.ResidentIdRule.Problem(id, today) is { } problem)
        {
            throw CliException.BadInput(option + " '" + Echo.Value(value) + "' is not a valid resident ID number: it " + problem,
                "18 characters: 17 digits (the 7th to 14th the birth date yyyyMMdd) and the ISO 7064 MOD 11-2 check character (0-9 or X)");
        }

        return id!;
    }

    public static string CardNumber(string? value, string option = "--card")
    {
        if (value is null || !CardIdentity.IsValidCardNumber(value))
        {
            throw CliException.BadInput(option + " '" + Echo.Value(value) + "' is not a card number",
                "1 to 20 characters of A-Z and 0-9 as printed on the card");
        }

        return value;
    }

    public static string Required(string? value, string option)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw CliException.BadInput(option + " is required and must not be empty");
        }

        return value.Trim();
    }

    /// <summary>A name the ledger stores (holder, employer, institution): the ledger's <see cref="TextRule"/>.</summary>
    public static string Name(string? value, string option)
    {
        if (TextRule.Problem(value?.Trim(), TextRule.MaxNameLength) is { } problem)
        {
            throw CliException.BadInput(option + " '" + Echo.Value(value) + "' " + problem,
                "at most " + TextRule.MaxNameLength + " characters, no control or bidirectional formatting characters");
        }

        return value!.Trim();
    }

    public static int BasisPoints(string? text, string option)
    {
        // "30%", "30", "12.5%": percent with up to two decimals, as basis points.
        string s = (text ?? string.Empty).Trim().TrimEnd('%');
        if (!Money.TryParseYuan(s, out long hundredths) || hundredths > 10000)
        {
            throw CliException.BadInput(option + " '" + Echo.Value(text) + "' is not a percentage", "give 0 to 100 with at most two decimals, e.g. 30 or 12.5%");
        }

        return (int)hundredths;
    }

    /// <summary>A visit policy from the --deductible, --copay and --cap the user typed (yuan, percent, yuan).</summary>
    public static VisitPolicy Policy(string? deductible, string? copay, string? cap) =>
        new(Money.ParseYuan(deductible, "--deductible"), BasisPoints(copay, "--copay"), Money.ParseYuan(cap, "--cap"));

    public static string Percent(int basisPoints) =>
        (basisPoints / 100).ToString(CultureInfo.InvariantCulture) + "." + (basisPoints % 100).ToString("00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A calendar day, yyyy-MM-dd (the scheme calendar's: periods of reports).</summary>
    public static DateOnly Day(string? text, string option)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            throw CliException.BadInput(option + " '" + Echo.Value(text) + "' is not a date", "use yyyy-MM-dd, e.g. 2026-12-01");
        }

        return day;
    }

    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
