using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Benchmarks;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;

// Usage: dotnet run -c Release --project tests/MedCard.Settlement.Benchmarks [-- --count N] [--skip-sqlite] [--skip-postgres] [--probe]
// --probe: only counts, per store, the statements, round trips and commits one settlement (keyed PIN check) sends.
// Prints, per store: sequential durable settlements/s (test-strength PIN hash, so the store is what is
// measured), the same with the legacy production PBKDF2 count, the same with the production keyed PIN check (HMAC
// verification value) and its ratio to plain inserts, 16 parallel settlers, and plain single-row inserts/s on the
// same database, with the ratio.
int count = ArgValue(args, "--count", 1000);
bool skipSqlite = args.Contains("--skip-sqlite");
bool skipPostgres = args.Contains("--skip-postgres");
bool probe = args.Contains("--probe");
CancellationToken ct = CancellationToken.None;
Console.WriteLine("MedCard.Settlement benchmark: " + count + " settlements per sequential run; CPU cores " + Environment.ProcessorCount
    + "; " + LoadAverage());
Console.WriteLine("PBKDF2-SHA256 per PIN check: " + MeasurePbkdf2(PinHasher.DefaultIterations).ToString("F1", CultureInfo.InvariantCulture)
    + " ms at " + PinHasher.DefaultIterations + " iterations (production), "
    + MeasurePbkdf2(1000).ToString("F2", CultureInfo.InvariantCulture) + " ms at 1000");
Console.WriteLine("Keyed PIN verification value (HMAC-SHA256 through PinKeyFile) per PIN check: "
    + MeasureKeyedMicroseconds().ToString("F1", CultureInfo.InvariantCulture) + " µs");
Console.WriteLine();

string dir = Path.Combine(Path.GetTempPath(), "medcard-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dir);
try
{
    string sqlitePath = Path.Combine(dir, "ledger.db");
    if (skipSqlite)
    {
        Console.WriteLine("sqlite: skipped (--skip-sqlite)");
    }
    else
    {
        await using var store = new SqliteLedgerStore(sqlitePath);
        await using PlainInsert inserts = await PlainInsert.OpenSqliteAsync(sqlitePath, ct);
        await RunAsync(store, count, inserts);
    }

    string? bin = skipPostgres ? null : PrivatePostgresServer.FindBinaries();
    if (bin is null)
    {
        Console.WriteLine("postgresql: skipped (" + (skipPostgres ? "--skip-postgres" : "no binaries under /usr/lib/postgresql/<N>/bin") + ")");
    }
    else
    {
        await using PrivatePostgresServer server = await PrivatePostgresServer.StartAsync(bin, ct);
        await server.CreateDatabaseAsync("bench", ct);
        string cs = server.ConnectionString("bench");
        await using var store = new PostgresLedgerStore(cs);
        await using PlainInsert inserts = await PlainInsert.OpenPostgresAsync(cs, ct);
        await RunAsync(store, count, inserts);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

async Task RunAsync(SqlLedgerStore store, int n, PlainInsert plainInsert)
{
    // A quiet machine and a loaded one give different ratios (see the README): every store's figures say which this was.
    Console.WriteLine(store.Kind + ": " + LoadAverage());
    if (probe)
    {
        await ProbeAsync(store, n, plainInsert);
        return;
    }

    const int Parallel = 16;
    int cards = (n / 50 / Parallel + 2) * Parallel; // a multiple of 16: settler pairs keep to their own cards
    BenchmarkLedger fast = await BenchmarkLedger.CreateAsync(store, cards, 1000, 0, ct);

    // Warm-up: JIT, connection pool, statement caches.
    for (int i = 0; i < 20; i++)
    {
        await fast.SettleAsync(i, 1, ct);
    }

    await plainInsert.InsertAsync(20, ct);

    // Interleaved batches: settlements and plain inserts alternate, so a burst of load from other
    // processes hits both sides of the ratio alike.
    Interleaved plain = await InterleaveAsync(fast, 1, n, plainInsert, ct);
    TimeSpan settling = plain.Settling, inserting = plain.Inserting;
    int done = plain.Done;
    List<double> roundRatios = plain.Rounds.Select(r => r.Settled.TotalSeconds / r.Inserted.TotalSeconds).ToList();

    double sequential = done / settling.TotalSeconds;
    double inserts = done / inserting.TotalSeconds;
    var watch = Stopwatch.StartNew();

    int slowCount = Math.Max(20, n / 20);
    BenchmarkLedger slow = await BenchmarkLedger.CreateAsync(store, slowCount / 50 + 1, PinHasher.DefaultIterations, 100_000, ct);
    watch.Restart();
    for (int i = 0; i < slowCount; i++)
    {
        await slow.SettleAsync(i, 2, ct);
    }

    double production = slowCount / watch.Elapsed.TotalSeconds;

    // The production PIN check: a keyed verification value (one HMAC through the key store), interleaved with plain
    // inserts like the first run so load from other processes hits both sides of the ratio alike.
    using PinKeyFile keys = PinKeyFile.OpenOrCreate(Path.Combine(dir, store.Kind + ".pin-keys"));
    BenchmarkLedger keyed = await BenchmarkLedger.CreateAsync(store, n / 50 + 1, PinHasher.DefaultIterations, 200_000, ct, keys);
    for (int i = 0; i < 20; i++)
    {
        await keyed.SettleAsync(i, 3, ct);
    }

    Interleaved keyedRun = await InterleaveAsync(keyed, 3, n, plainInsert, ct);
    TimeSpan keyedSettling = keyedRun.Settling, keyedInserting = keyedRun.Inserting;
    int keyedDone = keyedRun.Done;
    List<double> keyedRatios = keyedRun.Rounds.Select(r => r.Inserted.TotalSeconds / r.Settled.TotalSeconds).ToList();

    double keyedPerSecond = keyedDone / keyedSettling.TotalSeconds;
    double keyedInserts = keyedDone / keyedInserting.TotalSeconds;

    await fast.PrintAllAsync(ct);
    long retriesBefore = store.TransactionRetries;
    int perSettler = n / Parallel;
    watch.Restart();
    await Task.WhenAll(Enumerable.Range(0, Parallel).Select(k => Task.Run(async () =>
    {
        for (int i = 0; i < perSettler; i++)
        {
            // Settlers k and k+8 share the same cards (real contention on the same rows); with the card count
            // a multiple of 8 no card ever has more than those two in flight. More than 3 simultaneous PIN
            // checks on ONE card would be refused as blocked: the try counter counts attempts in flight.
            await fast.SettleAsync((k % (Parallel / 2)) + i * (Parallel / 2), (uint)(1000 + k), ct);
        }
    })));
    double parallel = perSettler * Parallel / watch.Elapsed.TotalSeconds;
    long retries = store.TransactionRetries - retriesBefore;

    AuditLine(store.Kind, await MedCard.Settlement.Services.LedgerAudit.VerifyAsync(store, ct));
    Console.WriteLine(store.Kind + ": settlements/s sequential (PBKDF2 1000)        " + F(sequential));
    Console.WriteLine(store.Kind + ": settlements/s sequential (PBKDF2 " + PinHasher.DefaultIterations + ")    " + F(production));
    Console.WriteLine(store.Kind + ": settlements/s sequential (keyed PIN check)     " + F(keyedPerSecond));
    Console.WriteLine(store.Kind + ": durable settlements per plain insert, production PIN check: "
        + (keyedPerSecond / keyedInserts).ToString("F2", CultureInfo.InvariantCulture) + "  (median of " + keyedRun.Rounds.Count + " interleaved rounds "
        + Median(keyedRatios).ToString("F2", CultureInfo.InvariantCulture) + ")");
    Console.WriteLine(store.Kind + ": settlements/s, 16 parallel settlers (PBKDF2 1000) " + F(parallel) + "  (" + retries + " transaction retries)");
    Console.WriteLine(store.Kind + ": plain single-row inserts/s                    " + F(inserts));
    Console.WriteLine(store.Kind + ": ratio insert/settlement (sequential)          " + (inserts / sequential).ToString("F1", CultureInfo.InvariantCulture)
        + "x  (one settlement costs as much as that many single-row durable inserts); median of " + plain.Rounds.Count + " interleaved rounds "
        + Median(roundRatios).ToString("F1", CultureInfo.InvariantCulture) + "x");
    Console.WriteLine();
}

// Statements, round trips and commits per settlement with the production (keyed) PIN check, from the store's own count
// of what it sent (LedgerTraffic), and where the time goes: COMMIT (the durable flush) against everything else, for a
// settlement and for a plain insert run right after it.
async Task ProbeAsync(SqlLedgerStore store, int n, PlainInsert plainInsert)
{
    using PinKeyFile keys = PinKeyFile.OpenOrCreate(Path.Combine(dir, store.Kind + ".probe-keys"));
    BenchmarkLedger keyed = await BenchmarkLedger.CreateAsync(store, n / 50 + 1, PinHasher.DefaultIterations, 300_000, ct, keys);
    for (int i = 0; i < 20; i++)
    {
        await keyed.SettleAsync(i, 4, ct);
    }

    await plainInsert.InsertAsync(20, ct);
    long statements = store.Traffic.Statements, roundTrips = store.Traffic.RoundTrips, commits = store.Traffic.Commits;
    long commitTicks = store.Traffic.CommitTicks;
    var watch = Stopwatch.StartNew();
    for (int i = 0; i < n; i++)
    {
        await keyed.SettleAsync(20 + i, 4, ct);
    }

    double settleMs = watch.Elapsed.TotalMilliseconds / n;
    double settleCommitMs = Stopwatch.GetElapsedTime(0, store.Traffic.CommitTicks - commitTicks).TotalMilliseconds / n;
    TimeSpan insertCommitBefore = plainInsert.CommitTime;
    double insertMs = (await plainInsert.InsertAsync(n, ct)).TotalMilliseconds / n;
    double insertCommitMs = (plainInsert.CommitTime - insertCommitBefore).TotalMilliseconds / n;
    Console.WriteLine(store.Kind + ": per settlement (keyed PIN check): "
        + ((store.Traffic.Statements - statements) / (double)n).ToString("F1", CultureInfo.InvariantCulture) + " statements, "
        + ((store.Traffic.RoundTrips - roundTrips) / (double)n).ToString("F1", CultureInfo.InvariantCulture) + " round trips, "
        + ((store.Traffic.Commits - commits) / (double)n).ToString("F1", CultureInfo.InvariantCulture) + " commits; "
        + Ms(settleMs) + " ms (COMMIT " + Ms(settleCommitMs) + " ms, the rest " + Ms(settleMs - settleCommitMs) + " ms)");
    Console.WriteLine(store.Kind + ": per plain insert: " + Ms(insertMs) + " ms (COMMIT " + Ms(insertCommitMs) + " ms, the rest "
        + Ms(insertMs - insertCommitMs) + " ms); settlements per plain insert in this probe "
        + (insertMs / settleMs).ToString("F2", CultureInfo.InvariantCulture));
    AuditLine(store.Kind, await MedCard.Settlement.Services.LedgerAudit.VerifyAsync(store, ct));
}

static void AuditLine(string kind, MedCard.Settlement.Services.AuditReport report)
{
    if (!report.Ok)
    {
        throw new InvalidOperationException(kind + " audit failed after the benchmark: " + report);
    }
}

static double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
}

// The 1, 5 and 15 minute load averages (Linux), so a reader of the figures knows how busy the machine was.
static string LoadAverage()
{
    const string Proc = "/proc/loadavg";
    if (!File.Exists(Proc))
    {
        return "load average n/a";
    }

    string[] fields = File.ReadAllText(Proc).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return "load average " + string.Join(" ", fields.Take(3));
}

static string Ms(double ms) => ms.ToString("F3", CultureInfo.InvariantCulture);

static string F(double perSecond) => perSecond.ToString("F0", CultureInfo.InvariantCulture).PadLeft(8);

static double MeasurePbkdf2(int iterations)
{
    var hasher = new PinHasher(iterations);
    using var pin = new MedCard.Settlement.Model.PinDigits([1, 2, 3, 4, 5, 6]);
    PinCredential credential = hasher.Hash(pin);
    var watch = Stopwatch.StartNew();
    const int Rounds = 5;
    for (int i = 0; i < Rounds; i++)
    {
        PinHasher.Verify(credential, pin);
    }

    return watch.Elapsed.TotalMilliseconds / Rounds;
}

static double MeasureKeyedMicroseconds()
{
    string keyDir = Path.Combine(Path.GetTempPath(), "medcard-bench-pvk-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(keyDir);
    try
    {
        using PinKeyFile keys = PinKeyFile.OpenOrCreate(Path.Combine(keyDir, "pin-keys"));
        // The MAC input is about as long as the real one (label, card number, six digits).
        byte[] input = new byte[32];
        byte[] mac = new byte[32];
        const int Rounds = 20_000;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Rounds; i++)
        {
            input[^1] = (byte)i;
            keys.TryComputeMac(keys.CurrentKeyId, input, mac);
        }

        return watch.Elapsed.TotalMilliseconds * 1000 / Rounds;
    }
    finally
    {
        Directory.Delete(keyDir, recursive: true);
    }
}

static int ArgValue(string[] args, string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) ? v : fallback;
}

// Interleaved batches: settlements and plain inserts alternate, so a burst of load from other processes hits both sides
// of a ratio alike. Ten rounds of n/10 settlements (after the 20 warm-up ones), each followed by as many plain inserts.
static async Task<Interleaved> InterleaveAsync(BenchmarkLedger ledger, uint reader, int n, PlainInsert plainInsert, CancellationToken ct)
{
    const int Rounds = 10;
    var rounds = new List<(TimeSpan Settled, TimeSpan Inserted)>();
    int done = 0;
    for (int round = 0; round < Rounds; round++)
    {
        int batch = n / Rounds;
        var batchWatch = Stopwatch.StartNew();
        for (int i = 0; i < batch; i++)
        {
            await ledger.SettleAsync(20 + done + i, reader, ct);
        }

        TimeSpan settled = batchWatch.Elapsed;
        rounds.Add((settled, await plainInsert.InsertAsync(batch, ct)));
        done += batch;
    }

    return new Interleaved(rounds, done);
}

/// <summary>The rounds of one interleaved run (settling and inserting time of each), their totals and the count settled.</summary>
internal sealed record Interleaved(List<(TimeSpan Settled, TimeSpan Inserted)> Rounds, int Done)
{
    public TimeSpan Settling => Rounds.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Settled);

    public TimeSpan Inserting => Rounds.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Inserted);
}
