using System;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

/// <summary>Knobs of the ledger services.</summary>
public sealed class LedgerOptions
{
    /// <summary>PBKDF2 iterations for newly set PINs (existing hashes keep their own count).</summary>
    public int PinIterations { get; init; } = PinHasher.DefaultIterations;

    /// <summary>The PIN verification keys (an HSM, a vault, or <see cref="PinKeyFile"/> in development). When set,
    /// new and changed PINs are stored as keyed verification values and legacy PBKDF2 hashes are replaced at the
    /// holder's next right PIN; when null, PINs are stored as PBKDF2 hashes and keyed values cannot be checked.</summary>
    public IPinVerificationKeyStore? PinKeys { get; init; }

    /// <summary>The scheme's e-card signing keys (HMAC-SHA256 under a named key, the same contract and file format as the
    /// PIN verification keys: an HSM, a vault, or a <see cref="PinKeyFile"/> of its own in development). Null: no e-cards.</summary>
    public IPinVerificationKeyStore? ECardKeys { get; init; }

    /// <summary>How long an e-card token is valid after issue (the holder's phone shows a fresh one each time).</summary>
    public TimeSpan ECardLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest bill (fen) an e-card settles without a PIN; above it <c>ecard.pin_required</c>.</summary>
    public long ECardPinFreeLimit { get; init; } = 500_00;

    internal PinProtection PinProtection() => new(PinIterations, PinKeys);

    /// <summary>
    /// UTC offset of the scheme's calendar: a record's time is converted to it before taking the year for
    /// the deductible and cap accumulators. Readers sign UTC times; China Standard Time (+08:00, no DST)
    /// keeps 1 January 00:00-08:00 local in the new year, where it belongs.
    /// </summary>
    public TimeSpan SchemeUtcOffset { get; init; } = TimeSpan.FromHours(8);

    internal int AccountingYear(DateTimeOffset time) => time.ToOffset(SchemeUtcOffset).Year;

    /// <summary>Clock for entry and statement times (transaction times come from the signed record).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long a <see cref="PinVerificationToken"/> from <see cref="CardDesk.VerifyPinAsync"/> can be
    /// spent: long enough for the reader to sign and the bill to be settled, short enough that a token left
    /// behind by an abandoned transaction cannot vouch for a later one.</summary>
    public TimeSpan PinVerificationLifetime { get; init; } = TimeSpan.FromMinutes(2);
}
