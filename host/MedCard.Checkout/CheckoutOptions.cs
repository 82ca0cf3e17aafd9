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

    /// <summary>Bound on quick reader calls (status, journal, acknowledgement); default 5 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
