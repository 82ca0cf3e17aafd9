using System;
using MedCard.Settlement.Services;

namespace MedCard.Service;

/// <summary>How `medcard serve` listens, who may call it, how long a purchase waits for a card, and where telemetry goes.</summary>
public sealed class ServeOptions
{
    /// <summary>The default listen address: loopback only, so nothing off this machine reaches the API without a key.</summary>
    public const string DefaultListen = "http://127.0.0.1:5080";

    /// <summary>The address Kestrel listens on (http:// or https://, host and port; port 0 takes a free one). Any host but
    /// localhost or a loopback address needs <see cref="ApiKeyFile"/> or <see cref="ClientCaFile"/>.</summary>
    public string Listen { get; set; } = DefaultListen;

    /// <summary>A file holding the API key (at least 16 characters, surrounding whitespace ignored; owner-readable only on Unix).
    /// When set, every request carries it as <c>X-Api-Key</c> or <c>Authorization: Bearer</c>, on loopback too.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>The server certificate for https:// (a PKCS#12 file without a password).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>A PEM file with the certificate authority whose client certificates are accepted; with it every TLS client must
    /// present a certificate issued by it. Needs https:// and <see cref="CertificateFile"/>.</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>How long a purchase waits for a card on the reader (default 60 s).</summary>
    public TimeSpan CardWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The issuer's 32-byte holder-data MAC key: holder data the readers forward is verified with it (see
    /// <c>CheckoutOptions.HolderMacKey</c>). Null: taken as the reader read it.</summary>
    public byte[]? HolderMacKey { get; set; }

    /// <summary>Ledger settings (PIN verification lifetime, clock).</summary>
    public LedgerOptions? Ledger { get; set; }

    /// <summary>Where metrics and traces of the MedCard meters and activity sources go.</summary>
    public ServeTelemetry Telemetry { get; set; } = ServeTelemetry.None;

    /// <summary>The OTLP collector with <see cref="ServeTelemetry.Otlp"/> (default: the exporter's own, http://localhost:4317).</summary>
    public Uri? OtlpEndpoint { get; set; }
}
