using System;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>Knobs of the ledger services.</summary>
public sealed class LedgerOptions
{
    /// <summary>PBKDF2 iterations for newly set PINs (existing hashes keep their own count).</summary>
    public int PinIterations { get; init; } = PinHasher.DefaultIterations;

    /// <summary>Clock for entry and statement times (transaction times come from the signed record).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
