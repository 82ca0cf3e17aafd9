using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.LoadTest;

/// <summary>
/// The "host" role: one process standing for one checkout host (its own connection pool, its own readers). Waits for the
/// agreed start, runs one <see cref="ReaderLoop"/> per reader until the window closes, then writes its
/// <see cref="HostReport"/> as one JSON line on standard output.
/// </summary>
internal static class HostProcess
{
    public sealed record Arguments(string Store, string PinKeys, LoadPlan Plan, int Host, DateTimeOffset StartAt, TimeSpan Window, int Seed)
    {
        /// <summary>The command line the orchestrator starts a host with (after the program's path).</summary>
        public IEnumerable<string> ToCommandLine() =>
        [
            "host", "--store", Store, "--pin-keys", PinKeys, "--reader-root", Plan.ReaderRoot, "--hosts", Str(Plan.Hosts),
            "--readers", Str(Plan.ReadersPerHost), "--host", Str(Host), "--start-at", Str(StartAt.ToUnixTimeMilliseconds()),
            "--window-ms", Str((long)Window.TotalMilliseconds), "--seed", Str(Seed), "--direct", Plan.Direct ? "1" : "0",
        ];

        public static Arguments Parse(IReadOnlyList<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 1; i + 1 < args.Count; i += 2)
            {
                values[args[i]] = args[i + 1];
            }

            string Get(string name) => values.TryGetValue(name, out string? v) ? v : throw new ArgumentException("host: missing " + name);
            long Num(string name) => long.Parse(Get(name), System.Globalization.CultureInfo.InvariantCulture);
            var plan = new LoadPlan((int)Num("--hosts"), (int)Num("--readers"), Get("--reader-root"), Num("--direct") == 1);
            return new Arguments(Get("--store"), Get("--pin-keys"), plan, (int)Num("--host"), DateTimeOffset.FromUnixTimeMilliseconds(Num("--start-at")),
                TimeSpan.FromMilliseconds(Num("--window-ms")), (int)Num("--seed"));
        }

        private static string Str(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<int> RunAsync(Arguments a, CancellationToken ct)
    {
        await using var store = new PostgresLedgerStore(a.Store);
        // The credit runs get a store (and pool) of their own, so the host can tell their re-run transactions from the rest.
        await using var creditStore = new PostgresLedgerStore(a.Store);
        using PinKeyFile keys = PinKeyFile.Open(a.PinKeys);
        var options = new LedgerOptions { PinKeys = keys };
        var tally = new HostTally(a.Host);
        var loops = new List<ReaderLoop>();
        for (int r = 0; r < a.Plan.ReadersPerHost; r++)
        {
            loops.Add(new ReaderLoop(LoadPlan.ReaderId(a.Host, r), a.Plan, store, creditStore, options, tally, a.Seed * 1000 + a.Host * 100 + r));
        }

        TimeSpan wait = a.StartAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct).ConfigureAwait(false);
        }

        long late = (long)Math.Max(0, (DateTimeOffset.UtcNow - a.StartAt).TotalMilliseconds);
        DateTimeOffset until = a.StartAt + a.Window;
        var clock = Stopwatch.StartNew();
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var running = new List<Task>();
        foreach (ReaderLoop loop in loops)
        {
            running.Add(Task.Run(() => loop.RunAsync(until, ct), ct));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        HostReport report = tally.Close(store.TransactionRetries + creditStore.TransactionRetries, creditStore.TransactionRetries, late, clock.Elapsed.TotalSeconds, cpu);
        Console.Out.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }
}
