using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedCard.Checkout.Hosting;

/// <summary>
/// Opens checkout terminals and reader administration on the readers configured by name (<see cref="MedCardCheckoutOptions.Readers"/>),
/// against the registered ledger, with the configured timing, holder-data key and logging. Registered as a singleton by
/// <c>AddMedCardCheckout</c>; every terminal it opens is the caller's to dispose (one terminal per reader at a time: a serial
/// port is exclusive).
/// </summary>
public sealed class CheckoutTerminalFactory : IDisposable
{
    private readonly MedCardCheckoutOptions _options;
    private readonly CheckoutOptions _checkout;
    private readonly byte[]? _holderMacKey;

    /// <summary>Builds the factory; reads <see cref="MedCardCheckoutOptions.HolderMacKeyFile"/> once, here.</summary>
    public CheckoutTerminalFactory(ILedgerStore ledger, IOptions<MedCardCheckoutOptions> options, LedgerOptions? ledgerOptions = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _options = options.Value;
        _holderMacKey = _options.HolderMacKey is { } key ? (byte[])key.Clone()
            : _options.HolderMacKeyFile is { } path ? ReadKeyFile(path) : null;
        _checkout = new CheckoutOptions
        {
            CardWait = _options.CardWait,
            CallTimeout = _options.CallTimeout,
            Ledger = ledgerOptions,
            LoggerFactory = loggerFactory,
            HolderMacKey = _holderMacKey,
        };
    }

    /// <summary>The ledger every terminal files into.</summary>
    public ILedgerStore Ledger { get; }

    /// <summary>The configured reader names.</summary>
    public IReadOnlyCollection<string> ReaderNames => _options.Readers.Keys;

    /// <summary>The checkout settings terminals are opened with (the holder-data key included when configured).</summary>
    public CheckoutOptions CheckoutOptions => _checkout;

    /// <summary>Opens the transport of the reader configured as <paramref name="readerName"/> (not yet connected).</summary>
    public IByteTransport Transport(string readerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerName);
        if (!_options.Readers.TryGetValue(readerName, out ReaderEndpointOptions? reader))
        {
            throw new ArgumentException("No reader named '" + readerName + "' is configured (configured: " + string.Join(", ", _options.Readers.Keys) + ").",
                nameof(readerName));
        }

        return TransportAddress.Create(reader.Port, reader.Settings());
    }

    /// <summary>Connects the named reader and recovers its journal (<see cref="CheckoutTerminal.OpenAsync"/>).</summary>
    public Task<CheckoutTerminal> OpenAsync(string readerName, CancellationToken cancellationToken) =>
        CheckoutTerminal.OpenAsync(Transport(readerName), Ledger, _checkout, cancellationToken);

    /// <summary>Connects a reader on a transport of the caller's (a simulated reader, a socket accepted elsewhere).</summary>
    public Task<CheckoutTerminal> OpenAsync(IByteTransport transport, CancellationToken cancellationToken) =>
        CheckoutTerminal.OpenAsync(transport, Ledger, _checkout, cancellationToken);

    /// <summary>Connects the named reader for administration (<see cref="ReaderAdministration.OpenAsync"/>).</summary>
    public Task<ReaderAdministration> AdministerAsync(string readerName, CancellationToken cancellationToken) =>
        ReaderAdministration.OpenAsync(Transport(readerName), Ledger, _checkout, cancellationToken);

    /// <summary>Connects a reader on a transport of the caller's for administration.</summary>
    public Task<ReaderAdministration> AdministerAsync(IByteTransport transport, CancellationToken cancellationToken) =>
        ReaderAdministration.OpenAsync(transport, Ledger, _checkout, cancellationToken);

    /// <summary>Wipes the factory's copy of the holder-data key.</summary>
    public void Dispose()
    {
        if (_holderMacKey is not null)
        {
            CryptographicOperations.ZeroMemory(_holderMacKey);
        }
    }

    /// <summary>32 raw bytes, or 64 hex digits (surrounding whitespace allowed). The message names the file, never its content.</summary>
    private static byte[] ReadKeyFile(string path)
    {
        byte[] content = File.ReadAllBytes(path);
        try
        {
            if (content.Length == 32)
            {
                return (byte[])content.Clone();
            }

            string text = Encoding.ASCII.GetString(content).Trim();
            if (text.Length == 64)
            {
                try
                {
                    return Convert.FromHexString(text);
                }
                catch (FormatException)
                {
                }
            }

            throw new InvalidDataException("The holder-data MAC key file " + path + " holds neither 32 raw bytes nor 64 hex digits.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }
}
