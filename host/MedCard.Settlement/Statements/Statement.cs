using System;
using System.Collections.Generic;
using System.Linq;
using MedCard.Settlement.Ledger;

namespace MedCard.Settlement.Statements;

/// <summary>A printed statement: every record of the card that had not been printed yet. Empty (no id, no
/// records) when there was nothing new to print.</summary>
public sealed record Statement(
    long? StatementId,
    string CardNumber,
    string HolderName,
    string MaskedResidentId,
    DateTimeOffset PrintedAt,
    IReadOnlyList<CardRecord> Records)
{
    /// <summary>True when there was nothing new to print.</summary>
    public bool IsEmpty => Records.Count == 0;

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
