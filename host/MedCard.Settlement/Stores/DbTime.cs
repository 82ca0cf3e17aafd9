using System;

namespace MedCard.Settlement.Stores;

/// <summary>Times are stored as Unix milliseconds UTC (portable across both stores, sortable).</summary>
internal static class DbTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
