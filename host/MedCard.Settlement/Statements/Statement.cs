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
    public bool IsEmpty => Records.Count == 0;

    public long Total => Records.Sum(r => r.Total);

    public long Fund => Records.Sum(r => r.Fund);

    public long Personal => Records.Sum(r => r.Personal);

    public long Cash => Records.Sum(r => r.Cash);

    /// <summary>Shows the first 6 (region) and last 2 characters only; a statement may be left lying around.</summary>
    public static string Mask(string residentId) =>
        residentId.Length < 8 ? new string('*', residentId.Length) : residentId[..6] + new string('*', residentId.Length - 8) + residentId[^2..];
}
