using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Reader;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Simulator;
using MedCard.Simulator.Hardware;

namespace MedCard.Link.Benchmarks;

/// <summary>
/// Bytes on the wire for a whole transaction as a cashier runs it: card placed (CardPresented event and its ACK),
/// PIN request and PIN block, authorize request and signed answer, card lifted (CardRemoved and its ACK).
/// The host queues event ACKs on its receive pump, so each cycle ends with a status exchange that flushes them
/// past the reader; the status exchange's own bytes, measured alone first, are subtracted.
/// </summary>
internal static class FullTransactionRun
{
    public static async Task<(ByteCounts ToReader, ByteCounts ToHost)> MeasureAsync(int cycles)
    {
        var options = new SimulatorOptions
        {
            Reader = new ReaderOptions { Timings = new ReaderTimings { KeypadDebounceMs = 10, PresencePollMs = 20, RemovalMinMs = 80, FeedbackMs = 50 } },
            KeyHoldMs = 30,
            KeyGapMs = 30,
        };
        await using ReaderSimulator simulator = await ReaderSimulator.StartAsync(options);
        var keys = new InMemoryReaderKeyStore();
        keys.Add(simulator.Cards.ReaderId, simulator.Cards.ReaderKey);
        await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(simulator.DevicePath),
            new ReaderClientOptions { Keys = keys, Chain = new InMemoryRecordChainStore() });
        using var life = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using IAsyncEnumerator<CardEvent> events = client.CardEventsAsync(life.Token).GetAsyncEnumerator(life.Token);

        (long statusIn, long statusOut) = await CountAsync(simulator, () => client.GetStatusAsync());
        var toReader = new List<int>(cycles);
        var toHost = new List<int>(cycles);
        var pin = new PinEntryOptions { MinLength = 6, MaxLength = 6, TimeoutSeconds = 30 };
        for (int i = 0; i < cycles; i++)
        {
            (long bytesIn, long bytesOut) = await CountAsync(simulator, async () =>
            {
                VirtualMifareCard card = simulator.PlaceCard(i % 2 == 0 ? "alice" : "bob");
                await NextEventAsync(events, present: true);
                if (await client.RequestPinAsync(card.CardNumber!, new AlwaysCorrectPin(), pin) != PinOutcome.Correct)
                {
                    throw new InvalidOperationException("PIN entry failed in the benchmark.");
                }

                AuthorizationResult result = await client.AuthorizeAsync(card.CardNumber!, 100 + i, TransactionType.Purchase);
                if (!result.IsApproved)
                {
                    throw new InvalidOperationException("Authorization refused in the benchmark: " + result.Status);
                }

                simulator.LiftCard();
                await NextEventAsync(events, present: false);
                await client.GetStatusAsync();
                return 0;
            });
            toReader.Add((int)(bytesIn - statusIn));
            toHost.Add((int)(bytesOut - statusOut));
            if ((i + 1) % 20 == 0)
            {
                await client.SyncJournalAsync();
            }
        }

        return (new ByteCounts(toReader), new ByteCounts(toHost));
    }

    private static async Task<(long In, long Out)> CountAsync<T>(ReaderSimulator simulator, Func<Task<T>> exchange)
    {
        long inBefore = simulator.BytesFromHost;
        long outBefore = simulator.BytesToHost;
        await exchange();
        return (simulator.BytesFromHost - inBefore, simulator.BytesToHost - outBefore);
    }

    private static async Task NextEventAsync(IAsyncEnumerator<CardEvent> events, bool present)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.IsPresent == present)
            {
                return;
            }
        }

        throw new InvalidOperationException("The card event stream ended.");
    }
}
