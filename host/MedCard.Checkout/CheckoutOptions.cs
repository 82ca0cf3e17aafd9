using System;
using MedCard.Settlement.Services;
using Microsoft.Extensions.Logging;

namespace MedCard.Checkout;

/// <summary>Settings of a <see cref="CheckoutTerminal"/>. Every property has a usable default.</summary>
public sealed record CheckoutOptions
{
    /// <summary>How long a checkout waits for a card on the reader (default 60 s).</summary>
    public TimeSpan CardWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Ledger settings (PIN verification lifetime, clock, accounting year).</summary>
    public LedgerOptions? Ledger { get; init; }

    /// <summary>Logging for the checkout, the reader client and the link (no secrets are ever logged).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Called with one line for the person at the counter ("waiting for a card..."); null = silent.</summary>
    public Action<string>? Status { get; init; }

    /// <summary>
    /// The issuer's 32-byte holder-data MAC key. Readers do not hold it, so they forward the MAC they read from the card
    /// and the host checks it: when set, a card whose holder data does not carry the issuer's MAC is refused before the
    /// reader is asked to sign. Null = holder data is taken unverified (the reader client logs a warning once); set it
    /// in production. The terminal copies the key and wipes its copy when disposed.
    /// </summary>
    public byte[]? HolderMacKey { get; init; }

    /// <summary>Bound on quick reader calls (status, journal, acknowledgement); default 5 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
