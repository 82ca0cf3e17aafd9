using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Host.Client;

namespace MedCard.Service.Readers;

/// <summary>
/// One reader the service keeps attached: its checkout terminal (journal recovered at open), administration on the same link,
/// the one-purchase-at-a-time gate, and the fan-out of its card events to every event-stream subscriber.
/// </summary>
internal sealed class ServedReader : IAsyncDisposable
{
    private readonly SemaphoreSlim _purchase = new(1, 1);
    private readonly List<Channel<CardEvent>> _subscribers = new();
    private readonly CancellationTokenSource _life = new();
    private Task? _pump;

    public ServedReader(string name) => Name = name;

    public string Name { get; }

    /// <summary>The open terminal; null when the reader could not be opened (<see cref="Error"/> says why).</summary>
    public CheckoutTerminal? Terminal { get; private set; }

    public ReaderAdministration? Administration { get; private set; }

    public string? Error { get; private set; }

    /// <summary>True while a purchase has the reader.</summary>
    public bool Busy => _purchase.CurrentCount == 0;

    public void Attach(CheckoutTerminal terminal)
    {
        Terminal = terminal;
        Administration = ReaderAdministration.Over(terminal);
        _pump = Task.Run(() => PumpAsync(Administration, _life.Token));
    }

    public void Fail(string error) => Error = error;

    /// <summary>Takes the reader for one purchase; false when another purchase has it (the caller answers 409).</summary>
    public bool TryBeginPurchase() => _purchase.Wait(0);

    public void EndPurchase() => _purchase.Release();

    /// <summary>Waits until no purchase has the reader and keeps it (shutdown: the purchase in flight finishes first).</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => _purchase.WaitAsync(cancellationToken);

    /// <summary>A new subscriber to the card events, registered before this returns (an event right after is not missed).</summary>
    public ChannelReader<CardEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<CardEvent>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_subscribers)
        {
            _subscribers.Add(channel);
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<CardEvent> reader)
    {
        lock (_subscribers)
        {
            _subscribers.RemoveAll(c => c.Reader == reader);
        }
    }

    private async Task PumpAsync(ReaderAdministration administration, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (CardEvent card in administration.CardEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_subscribers)
                {
                    foreach (Channel<CardEvent> subscriber in _subscribers)
                    {
                        subscriber.Writer.TryWrite(card);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_subscribers)
            {
                _subscribers.ForEach(s => s.Writer.TryComplete());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync().ConfigureAwait(false);
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }

        if (Terminal is not null)
        {
            await Terminal.DisposeAsync().ConfigureAwait(false);
        }

        _life.Dispose();
    }
}
