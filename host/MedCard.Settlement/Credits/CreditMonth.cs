using System;
using System.Globalization;

namespace MedCard.Settlement.Credits;

/// <summary>The month a personal-account credit belongs to ("2026-11"); a person is credited at most once per month.</summary>
public readonly record struct CreditMonth
{
    /// <summary>The month <paramref name="month"/> (1-12) of <paramref name="year"/> (2000-9999).</summary>
    public CreditMonth(int year, int month)
    {
        if (year is < 2000 or > 9999 || month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), "A credit month is yyyy-MM with a year from 2000 and a month 01-12.");
        }

        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1-12.</summary>
    public int Month { get; }

    /// <summary>The stored form, year * 100 + month (202611).</summary>
    internal long Key => Year * 100L + Month;

    internal static CreditMonth FromKey(long key) => new((int)(key / 100), (int)(key % 100));

    /// <summary>Parses "yyyy-MM"; false for anything else.</summary>
    public static bool TryParse(string? text, out CreditMonth month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || y < 2000 || m is < 1 or > 12)
        {
            return false;
        }

        month = new CreditMonth(y, m);
        return true;
    }

    /// <summary>"yyyy-MM".</summary>
    public override string ToString() => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture);
}
