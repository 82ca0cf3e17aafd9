using System;
using System.Globalization;
using MedCard.Protocol;

namespace MedCard.Settlement.Rules;

/// <summary>
/// The ledger's full check of a resident ID (GB 11643): the form and check character of <see cref="ResidentId"/> (what
/// the firmware and the wire check too) and, here only, the birth date in characters 7-14 (yyyyMMdd): a real calendar
/// date, not before <see cref="EarliestBirthYear"/> and not after today. The check character alone lets through an ID
/// such as one born on 31 February, which no registry issues; the readers have no trustworthy calendar, so the date is
/// judged by the ledger (the desk, the phone line, the lookup) and by `medcard` before it asks the ledger.
/// </summary>
public static class ResidentIdRule
{
    /// <summary>The earliest birth year accepted: resident IDs of the current form were issued to people alive in 1999.</summary>
    public const int EarliestBirthYear = 1900;

    private const int BirthDateStart = 6;
    private const int BirthDateLength = 8;

    /// <summary>The birth date written in <paramref name="residentId"/>, if it is eight digits forming a calendar date.</summary>
    public static bool TryGetBirthDate(string? residentId, out DateOnly birthDate)
    {
        birthDate = default;
        if (residentId is null || residentId.Length != ResidentId.Length)
        {
            return false;
        }

        return DateOnly.TryParseExact(residentId.AsSpan(BirthDateStart, BirthDateLength), "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out birthDate);
    }

    /// <summary>Why <paramref name="residentId"/> (canonical form, see <see cref="ResidentId.Normalize"/>) is not a valid ID
    /// on <paramref name="today"/>, or null when it is. The text never repeats the ID.</summary>
    public static string? Problem(string? residentId, DateOnly today)
    {
        if (residentId is null || residentId.Length != ResidentId.Length)
        {
            return "must be " + ResidentId.Length + " characters";
        }

        if (!ResidentId.IsValid(residentId))
        {
            return "is not 17 digits and a right check character (ISO 7064 MOD 11-2)";
        }

        if (!TryGetBirthDate(residentId, out DateOnly birth))
        {
            return "holds no real birth date (characters 7-14 must be a calendar date yyyyMMdd)";
        }

        if (birth.Year < EarliestBirthYear)
        {
            return "holds a birth year before " + EarliestBirthYear.ToString(CultureInfo.InvariantCulture);
        }

        if (birth > today)
        {
            return "holds a birth date in the future";
        }

        return null;
    }

    /// <summary>True when <paramref name="residentId"/> has a valid form, check character and birth date on <paramref name="today"/>.</summary>
    public static bool IsValid(string? residentId, DateOnly today) => Problem(residentId, today) is null;
}
