using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using MedCard.Firmware.Reader;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Simulator;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;

namespace MedCard.Link.Benchmarks;

/// <summary>
/// One configuration: a simulator with a given wire model on a real pty, the host's <see cref="ReaderClient"/> on
/// the slave through <see cref="PosixSerialPort"/>. The card stays on the reader; each iteration is a PIN entry
/// (not timed) followed by the timed <see cref="ReaderClient.AuthorizeAsync"/> (request, signing, answer,
/// record verification). Bytes are counted on the simulated wire around the authorize call only.
/// </summary>
internal static class AuthorizeRun
{
    public static async Task<AuthorizeFigures> MeasureAsync(WireModel wire, int warmup, int iterations)
    {
        var options = new SimulatorOptions
        {
            Wire = wire,
            Reader = new ReaderOptions { JournalCapacity = 64, Timings = new ReaderTimings { KeypadDebounceMs = 10, PresencePollMs = 20 } },
            KeyHoldMs = 30,
            KeyGapMs = 30,
        };
        await using ReaderSimulator simulator = await ReaderSimulator.StartAsync(options);
        var keys = new InMemoryReaderKeyStore();
        keys.Add(simulator.Cards.ReaderId, simulator.Cards.ReaderKey);
        var clientOptions = new ReaderClientOptions { Keys = keys, Chain = new InMemoryRecordChainStore() };
        await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(simulator.DevicePath), clientOptions);

        VirtualMifareCard card = simulator.PlaceCard("alice");
        await simulator.WaitForAsync(s => s.State == ReaderState.CardReady, TimeSpan.FromSeconds(10));
        var pin = new PinEntryOptions { MinLength = 6, MaxLength = 6, TimeoutSeconds = 30 };
        var verifier = new AlwaysCorrectPin();
        var latencies = new List<double>(iterations);
        var toReader = new List<int>(iterations);
        var toHost = new List<int>(iterations);
        var txToReader = new List<int>(iterations);
        var txToHost = new List<int>(iterations);
        for (int i = 0; i < warmup + iterations; i++)
        {
            long txInBefore = simulator.BytesFromHost;
            long txOutBefore = simulator.BytesToHost;
            if (await client.RequestPinAsync(card.CardNumber!, verifier, pin) != PinOutcome.Correct)
            {
                throw new InvalidOperationException("PIN entry failed in the benchmark.");
            }

            long inBefore = simulator.BytesFromHost;
            long outBefore = simulator.BytesToHost;
            long start = Stopwatch.GetTimestamp();
            AuthorizationResult result = await client.AuthorizeAsync(card.CardNumber!, 100 + i, TransactionType.Purchase);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!result.IsApproved)
            {
                throw new InvalidOperationException("Authorization refused in the benchmark: " + result.Status + " " + result.Check);
            }

            int req = (int)(simulator.BytesFromHost - inBefore);
            int resp = (int)(simulator.BytesToHost - outBefore);
            int txReq = (int)(simulator.BytesFromHost - txInBefore);
            int txResp = (int)(simulator.BytesToHost - txOutBefore);
            if ((i + 1) % 50 == 0)
            {
                await client.SyncJournalAsync(); // keep the reader's journal from filling up (not timed, not counted)
            }

            if (i < warmup)
            {
                continue;
            }

            latencies.Add(ms);
            toReader.Add(req);
            toHost.Add(resp);
            txToReader.Add(txReq);
            txToHost.Add(txResp);
        }

        return new AuthorizeFigures(wire, latencies, new ByteCounts(toReader), new ByteCounts(toHost), new ByteCounts(txToReader),
            new ByteCounts(txToHost), client.Statistics.ToString() ?? "");
    }
}

/// <summary>What one configuration measured.</summary>
internal sealed record AuthorizeFigures(
    WireModel Wire,
    IReadOnlyList<double> LatenciesMs,
    ByteCounts AuthorizeToReader,
    ByteCounts AuthorizeToHost,
    ByteCounts TransactionToReader,
    ByteCounts TransactionToHost,
    string LinkStatistics)
{
    public double P50 => Percentiles.Of(LatenciesMs, 50);

    public double P99 => Percentiles.Of(LatenciesMs, 99);

    public double Max => Percentiles.Of(LatenciesMs, 100);

    /// <summary>The floor the wire alone imposes: every byte of request and answer at the wire's byte time.</summary>
    public double WireFloorMs => Wire.IsPaced ? (AuthorizeToReader.Typical + AuthorizeToHost.Typical) * Wire.MicrosecondsPerByte / 1000 : 0;
}

/// <summary>Bytes per iteration: the typical (most frequent) count, and the range when something else shared the wire.</summary>
internal sealed record ByteCounts(IReadOnlyList<int> Sample)
{
    public int Typical
    {
        get
        {
            var counts = new Dictionary<int, int>();
            int best = 0, bestCount = 0;
            foreach (int n in Sample)
            {
                counts[n] = counts.TryGetValue(n, out int c) ? c + 1 : 1;
                if (counts[n] > bestCount)
                {
                    best = n;
                    bestCount = counts[n];
                }
            }

            return best;
        }
    }

    public override string ToString()
    {
        int min = int.MaxValue, max = 0;
        foreach (int n in Sample)
        {
            min = Math.Min(min, n);
            max = Math.Max(max, n);
        }

        return min == max ? Typical.ToString(System.Globalization.CultureInfo.InvariantCulture) : Typical + " (" + min + "-" + max + ")";
    }
}
