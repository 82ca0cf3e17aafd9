using System;
using System.Globalization;

namespace MedCard.Settlement.Statements;

/// <summary>How statements and histories write counts, times and zones, the same on paper, in text and in the tool.</summary>
public static class StatementFormatting
{
    /// <summary>"1 record", "2 records", "0 records".</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>The zone of a local time, by name where the scheme's offset has one: "China Standard Time (UTC+08:00)".</summary>
    public static string ZoneName(TimeSpan offset)
    {
        string utc = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return offset == TimeSpan.FromHours(8) ? "China Standard Time (" + utc + ")" : utc;
    }

    /// <summary>The local time at <paramref name="offset"/>, to the minute: "2026-11-30 18:05".</summary>
    public static string LocalTime(DateTimeOffset time, TimeSpan offset) =>
        time.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
