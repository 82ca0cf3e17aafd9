using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Tests.Infrastructure;
using Npgsql;

namespace MedCard.LoadTest;

/// <summary>
/// Lock contention as PostgreSQL itself reports it, three ways: the server logs every lock wait longer than
/// <see cref="DeadlockTimeoutMs"/> (log_lock_waits; "still waiting for" lines, counted in the log), pg_stat_database
/// counts deadlocks per database, and pg_locks is sampled every <see cref="SampleEvery"/> for backends waiting on a lock.
/// </summary>
internal sealed class LockWatch
{
    /// <summary>Lock waits longer than this are logged (it is also when the deadlock check runs; the default is 1 s).</summary>
    public const int DeadlockTimeoutMs = 10;

    public static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(50);

    private readonly PrivatePostgresServer _server;
    private readonly string _database;
    private int _logLinesBefore;

    private LockWatch(PrivatePostgresServer server, string database)
    {
        _server = server;
        _database = database;
    }

    /// <summary>Turns on lock-wait logging for the whole server (ALTER SYSTEM, then a reload).</summary>
    public static async Task EnableAsync(PrivatePostgresServer server, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(server.AdminConnectionString);
        await db.OpenAsync(ct).ConfigureAwait(false);
        foreach (string sql in new[]
        {
            "ALTER SYSTEM SET log_lock_waits = on",
            "ALTER SYSTEM SET deadlock_timeout = '" + DeadlockTimeoutMs + "ms'",
            "SELECT pg_reload_conf()",
        })
        {
            await using var command = new NpgsqlCommand(sql, db);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public static LockWatch Start(PrivatePostgresServer server, string database) =>
        new(server, database) { _logLinesBefore = CountLogWaits(server) };

    /// <summary>Samples pg_locks until <paramref name="stop"/> is cancelled: (samples, samples with a waiter, most waiters at once, waiter-samples).</summary>
    public async Task<(int Samples, int WithWaiters, long MostWaiting, long WaiterSamples)> SampleAsync(CancellationToken stop)
    {
        int samples = 0, withWaiters = 0;
        long most = 0, total = 0;
        await using var db = new NpgsqlConnection(_server.AdminConnectionString);
        await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        while (!stop.IsCancellationRequested)
        {
            await using (var command = new NpgsqlCommand(
                "SELECT COUNT(DISTINCT l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE NOT l.granted AND d.datname = @db", db))
            {
                command.Parameters.AddWithValue("db", _database);
                long waiting = Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false),
                    System.Globalization.CultureInfo.InvariantCulture);
                samples++;
                total += waiting;
                most = Math.Max(most, waiting);
                withWaiters += waiting > 0 ? 1 : 0;
            }

            try
            {
                await Task.Delay(SampleEvery, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (samples, withWaiters, most, total);
    }

    /// <summary>Lock waits longer than <see cref="DeadlockTimeoutMs"/> logged since <see cref="Start"/> (all databases of the server:
    /// runs are one at a time).</summary>
    public int LoggedWaits() => CountLogWaits(_server) - _logLinesBefore;

    public async Task<long> DeadlocksAsync(CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(_server.AdminConnectionString);
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = @db", db);
        command.Parameters.AddWithValue("db", _database);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int CountLogWaits(PrivatePostgresServer server)
    {
        if (!File.Exists(server.LogFile))
        {
            return 0;
        }

        using var stream = new FileStream(server.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        int count = 0;
        while (reader.ReadLine() is string line)
        {
            count += line.Contains("still waiting for", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
