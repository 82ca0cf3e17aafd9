using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Host.Transport;
using MedCard.Settlement.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedCard.Service.Readers;

/// <summary>
/// The readers the service owns, opened before the API listens (each terminal recovers its reader's journal: whatever a previous
/// run signed and never filed is voided with its reason) and closed after it stops. At shutdown a purchase in flight is waited for;
/// one cut short by the host's shutdown timeout is recovered from the journal at the next start. A reader that cannot be opened is
/// listed with its error and refuses purchases with 503; the others serve.
/// </summary>
internal sealed class ReaderFleet : IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<ServedReaderSource> _sources;
    private readonly ILedgerStore _ledger;
    private readonly CheckoutOptions _checkout;
    private readonly ILogger<ReaderFleet> _logger;
    private readonly Dictionary<string, ServedReader> _readers = new(StringComparer.OrdinalIgnoreCase);

    public ReaderFleet(IReadOnlyList<ServedReaderSource> sources, ILedgerStore ledger, CheckoutOptions checkout, ILogger<ReaderFleet> logger)
    {
        _sources = sources;
        _ledger = ledger;
        _checkout = checkout;
        _logger = logger;
        foreach (ServedReaderSource source in sources)
        {
            _readers.Add(source.Name, new ServedReader(source.Name));
        }
    }

    public IEnumerable<ServedReader> All => _readers.Values;

    public ServedReader? Find(string name) => _readers.GetValueOrDefault(name);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (ServedReaderSource source in _sources)
        {
            ServedReader reader = _readers[source.Name];
            try
            {
                IByteTransport transport = source.OpenTransport();
                CheckoutTerminal terminal = await CheckoutTerminal.OpenAsync(transport, _ledger, _checkout, cancellationToken).ConfigureAwait(false);
                reader.Attach(terminal);
                RecoveryReport recovery = terminal.Recovery;
                _logger.LogInformation("Reader {Name} (id {ReaderId}) on {Transport}: journal recovered, {Voided} record(s) voided", source.Name,
                    terminal.ReaderId, transport.Name, recovery.Voided.Count);
            }
            catch (Exception e) when (e is TransportException or CheckoutException or TimeoutException or InvalidOperationException
                                          or System.IO.IOException or UnauthorizedAccessException)
            {
                reader.Fail(e.Message);
                _logger.LogError("Reader {Name} could not be opened: {Error}", source.Name, e.Message);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (ServedReader reader in _readers.Values.Where(r => r.Terminal is not null))
        {
            try
            {
                await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _logger.LogWarning("Reader {Name}: a purchase was still running at shutdown; its record is recovered from the journal at the next start",
                    reader.Name);
            }
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ServedReader reader in _readers.Values)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }

        _readers.Clear();
    }
}
