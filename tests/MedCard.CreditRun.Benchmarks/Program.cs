using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

// Usage: dotnet run -c Release --project tests/MedCard.CreditRun.Benchmarks [-- --count N]
// Enrols N persons on a private PostgreSQL server (set-up, not measured), then measures on the same database:
// a plain COPY of the N credit rows (resident id, amount) into a table without keys, the credit run of the same N
// rows (accounts/s), the same run again (the idempotent rerun), and the ratio credit run / COPY (goal >= 0.5).
// The plain COPY is measured before and after the run and the faster one is the yardstick (load from other processes
// on the machine then lowers the ratio rather than flattering it).
int count = ArgValue(args, "--count", 1_000_000);
CancellationToken ct = CancellationToken.None;
Console.WriteLine("MedCard credit-run benchmark: " + count.ToString("N0", CultureInfo.InvariantCulture) + " accounts; CPU cores "
    + Environment.ProcessorCount);

string? bin = PrivatePostgresServer.FindBinaries();
if (bin is null)
{
    Console.WriteLine("postgresql: skipped (no binaries under /usr/lib/postgresql/<N>/bin)");
    return;
}

List<AccountCredit> credits = Credits(count);
var csv = new StringWriter(CultureInfo.InvariantCulture);
csv.Write(AccountCreditFile.Header + "\n");
foreach (AccountCredit c in credits)
{
    csv.Write(c.ResidentId + "," + (c.Amount / 100).ToString(CultureInfo.InvariantCulture) + "." + (c.Amount % 100).ToString("D2", CultureInfo.InvariantCulture) + "\n");
}

var parse = Stopwatch.StartNew();
AccountCreditFile file = AccountCreditFile.Read(new StringReader(csv.ToString()));
parse.Stop();
if (file.Errors.Count > 0 || file.Credits.Count != count)
{
    throw new InvalidOperationException("The generated credit file does not parse: " + string.Join("; ", file.Errors.Take(3)));
}

Console.WriteLine("CSV parse and check (Sep): " + Rate(count, parse.Elapsed) + " lines/s");

await using PrivatePostgresServer server = await PrivatePostgresServer.StartAsync(bin, ct);
await server.CreateDatabaseAsync("credits", ct);
string cs = server.ConnectionString("credits");
await using var store = new PostgresLedgerStore(cs);
await store.MigrateAsync(ct);
await using NpgsqlDataSource db = NpgsqlDataSource.Create(cs);
await EnrolAsync(db, credits, ct);

TimeSpan copyBefore = await PlainCopyAsync(db, credits, ct);
var run = new AccountCreditRun(store);
var clock = Stopwatch.StartNew();
CreditRunResult result = await run.RunFileAsync(new CreditMonth(2026, 11), file, ct);
clock.Stop();
if (!result.Succeeded || result.Credited != count)
{
    throw new InvalidOperationException("The credit run failed: " + string.Join("; ", result.Errors.Take(3)));
}

TimeSpan copyAfter = await PlainCopyAsync(db, credits, ct);
var rerun = Stopwatch.StartNew();
CreditRunResult again = await run.RunFileAsync(new CreditMonth(2026, 11), file, ct);
rerun.Stop();
if (again.Credited != 0 || again.AlreadyCredited != count)
{
    throw new InvalidOperationException("The rerun credited again.");
}

AuditReport audit = await LedgerAudit.VerifyAsync(store, ct);
if (!audit.Ok)
{
    throw new InvalidOperationException("Ledger audit failed: " + audit);
}

double accounts = count / clock.Elapsed.TotalSeconds;
// The yardstick is the faster of the two COPYs: the ratio errs on the low side.
double copy = count / Math.Min(copyBefore.TotalSeconds, copyAfter.TotalSeconds);
Console.WriteLine("plain COPY of the same rows: " + Rate(count, copyBefore) + " rows/s before, " + Rate(count, copyAfter) + " rows/s after");
Console.WriteLine("credit run: " + Rate(count, clock.Elapsed) + " accounts/s (" + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)
    + " s; an entry, two postings, a credit row and a balance per account)");
Console.WriteLine("rerun of the same file (nothing to credit): " + rerun.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
Console.WriteLine("postgresql: credit run / plain COPY = " + (accounts / copy).ToString("F2", CultureInfo.InvariantCulture) + " (goal >= 0.5)");
Console.WriteLine("ledger audit: " + audit);

static List<AccountCredit> Credits(int n)
{
    // Valid resident IDs: 1000 sequence numbers per birth date, one date after another from 1950.
    var list = new List<AccountCredit>(n);
    var birth = new DateOnly(1950, 1, 1);
    for (int i = 0; i < n; i++)
    {
        string first17 = "110101" + birth.AddDays(i / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + (i % 1000).ToString("D3", CultureInfo.InvariantCulture);
        list.Add(new AccountCredit(i + 2, first17 + ResidentId.ComputeCheckCharacter(first17), 100_00 + i % 50_000));
    }

    return list;
}

// Set-up: the insured persons, straight into the persons table (enrolment's PIN hashing is not what is measured).
static async Task EnrolAsync(NpgsqlDataSource db, List<AccountCredit> credits, CancellationToken ct)
{
    await using NpgsqlConnection connection = await db.OpenConnectionAsync(ct);
    await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
        "COPY persons (resident_id, name, gender, employer, balance) FROM STDIN (FORMAT BINARY)", ct))
    {
        foreach (AccountCredit c in credits)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(c.ResidentId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync("Holder " + c.Line.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(0L, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync("Acme Ltd", NpgsqlDbType.Text, ct);
            await copy.WriteAsync(0L, NpgsqlDbType.Bigint, ct);
        }

        await copy.CompleteAsync(ct);
    }

    await using NpgsqlCommand analyze = new("VACUUM ANALYZE persons", connection);
    await analyze.ExecuteNonQueryAsync(ct);
}

// The yardstick: the same rows COPYed into a plain table (no keys, no indexes) in one transaction, committed.
static async Task<TimeSpan> PlainCopyAsync(NpgsqlDataSource db, List<AccountCredit> credits, CancellationToken ct)
{
    await using NpgsqlConnection connection = await db.OpenConnectionAsync(ct);
    await using (NpgsqlCommand create = new("DROP TABLE IF EXISTS copy_probe; CREATE TABLE copy_probe (line BIGINT, resident_id TEXT, amount BIGINT)", connection))
    {
        await create.ExecuteNonQueryAsync(ct);
    }

    var clock = Stopwatch.StartNew();
    await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(ct);
    await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
        "COPY copy_probe (line, resident_id, amount) FROM STDIN (FORMAT BINARY)", ct))
    {
        foreach (AccountCredit c in credits)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync((long)c.Line, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(c.ResidentId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(c.Amount, NpgsqlDbType.Bigint, ct);
        }

        await copy.CompleteAsync(ct);
    }

    await tx.CommitAsync(ct);
    return clock.Elapsed;
}

static string Rate(int n, TimeSpan elapsed) => (n / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

static int ArgValue(string[] args, string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
}
