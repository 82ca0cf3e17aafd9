using System;
using System.Collections.Generic;
using System.Linq;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;

namespace MedCard.Settlement.Statements;

/// <summary>A printed statement: every record of the card that had not been printed yet, and the holder's month-end
/// account credits not printed yet. Empty (no id, no records, no credits) when there was nothing new to print.</summary>
public sealed record Statement(
    long? StatementId,
    string CardNumber,
    string HolderName,
    string MaskedResidentId,
    DateTimeOffset PrintedAt,
    IReadOnlyList<CardRecord> Records)
{
    /// <summary>The holder's month-end account credits printed on this statement, oldest first.</summary>
    public IReadOnlyList<MonthlyCredit> Credits { get; init; } = [];

    /// <summary>Institution names by id, for the records' lines (an id without a name prints as the id).</summary>
    public IReadOnlyDictionary<string, string> InstitutionNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The scheme's UTC offset: times print as local time there, with the zone named.</summary>
    public TimeSpan UtcOffset { get; init; } = TimeSpan.FromHours(8);

    /// <summary>True when there was nothing new to print.</summary>
    public bool IsEmpty => Records.Count == 0 && Credits.Count == 0;

    /// <summary>Sum of the account credits (fen).</summary>
    public long Credited => Credits.Sum(c => c.Amount);

    /// <summary>The name of an institution of a record, or its id.</summary>
    public string InstitutionName(string institutionId) => InstitutionNames.TryGetValue(institutionId, out string? name) ? name : institutionId;

    /// <summary>Sum of the bill totals (fen).</summary>
    public long Total => Records.Sum(r => r.Total);

    /// <summary>Sum the pooled fund paid (fen).</summary>
    public long Fund => Records.Sum(r => r.Fund);

    /// <summary>Sum taken from personal accounts (fen).</summary>
    public long Personal => Records.Sum(r => r.Personal);

    /// <summary>Sum paid in cash (fen).</summary>
    public long Cash => Records.Sum(r => r.Cash);

    /// <summary>Shows the first 6 (region) and last 2 characters only; a statement may be left lying around.</summary>
    public static string Mask(string residentId) =>
        residentId.Length < 8 ? new string('*', residentId.Length) : residentId[..6] + new string('*', residentId.Length - 8) + residentId[^2..];
}
