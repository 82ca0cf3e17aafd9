using System.Collections.Generic;

namespace MedCard.Settlement.Credits;

/// <summary>
/// The outcome of a credit run. With any <see cref="Errors"/> nothing was applied (all or nothing per file);
/// otherwise <see cref="Credited"/> accounts got their credit now and <see cref="AlreadyCredited"/> had the same
/// credit for this month from an earlier run (a rerun is harmless).
/// </summary>
public sealed record CreditRunResult(CreditMonth Month, int Lines, int Credited, int AlreadyCredited, long CreditedFen, IReadOnlyList<CreditLineError> Errors)
{
    /// <summary>True when the file was applied (nothing was wrong with any line).</summary>
    public bool Succeeded => Errors.Count == 0;

    internal static CreditRunResult Failed(CreditMonth month, int lines, IReadOnlyList<CreditLineError> errors) => new(month, lines, 0, 0, 0, errors);
}
