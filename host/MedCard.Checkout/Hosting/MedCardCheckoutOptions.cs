using System;
using System.Collections.Generic;

namespace MedCard.Checkout.Hosting;

/// <summary>
/// The checkout as configured for a dependency-injection host (<c>services.AddMedCardCheckout(...)</c>): the ledger, the readers by
/// name, and the checkout's timing. Bindable from configuration (section <see cref="SectionName"/>, e.g. appsettings.json):
/// <code>
/// "MedCard": {
///   "Ledger": "Host=db;Database=medcard;Username=medcard",
///   "CardWait": "00:01:00",
///   "HolderMacKeyFile": "/etc/medcard/holder-mac.key",
///   "Readers": { "counter1": { "Port": "/dev/serial/by-id/usb-...", "BaudRate": 115200 }, "pharmacy": { "Port": "COM3" } }
/// }
/// </code>
/// </summary>
public sealed class MedCardCheckoutOptions
{
    /// <summary>The configuration section the README's examples use: "MedCard".</summary>
    public const string SectionName = "MedCard";

    /// <summary>The ledger: a SQLite file path, or a PostgreSQL connection string (Host=...). Required unless an
    /// <c>ILedgerStore</c> is registered before <c>AddMedCardCheckout</c>.</summary>
    public string? Ledger { get; set; }

    /// <summary>The readers this host owns, by a name of the integrator's choosing (a counter, a ward).</summary>
    public Dictionary<string, ReaderEndpointOptions> Readers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a checkout waits for a card (default 60 s).</summary>
    public TimeSpan CardWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bound on quick reader calls (status, journal, acknowledgement); default 5 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A file holding the issuer's 32-byte holder-data MAC key (32 raw bytes or 64 hex digits); keep it owner-readable only.
    /// With it the host verifies the holder data every reader forwards (see <see cref="CheckoutOptions.HolderMacKey"/>). Set
    /// this or <see cref="HolderMacKey"/> in production.
    /// </summary>
    public string? HolderMacKeyFile { get; set; }

    /// <summary>The issuer's holder-data MAC key itself, for keys fetched from a vault in code (do not put it in a settings file:
    /// use <see cref="HolderMacKeyFile"/>). Wins over <see cref="HolderMacKeyFile"/>.</summary>
    public byte[]? HolderMacKey { get; set; }
}
