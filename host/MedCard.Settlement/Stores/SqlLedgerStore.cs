using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Settlement.Stores;

/// <summary>Transaction, retry and migration logic shared by the SQLite and PostgreSQL stores.</summary>
public abstract class SqlLedgerStore : ILedgerStore
{
    /// <summary>Upper bound on re-running a transaction after serialization failures; far above what 16
    /// contending hosts need, low enough to surface a livelock as an error.</summary>
    private const int MaxAttempts = 60;

    internal SqlLedgerStore(SqlDialect dialect)
    {
        Dialect = dialect;
    }

    private long _retries;

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>Transactions re-run after a serialization failure, deadlock or busy database (a contention gauge).</summary>
    public long TransactionRetries => Interlocked.Read(ref _retries);

    internal SqlDialect Dialect { get; }

    /// <summary>Statements, round trips and commits sent so far (the benchmark's probe).</summary>
    internal LedgerTraffic Traffic { get; } = new();

    /// <summary>Opens a connection with the store's per-connection settings applied.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Gives back a connection <see cref="OpenAsync"/> opened; <paramref name="reusable"/> is false after a failed
    /// transaction. By default it is disposed (returned to the driver's pool).</summary>
    private protected virtual ValueTask ReleaseAsync(DbConnection connection, bool reusable) => connection.DisposeAsync();

    /// <summary>The compiled statements kept with <paramref name="connection"/> (SQLite), or null where the driver's own
    /// statement reuse suffices (Npgsql's auto-prepare).</summary>
    private protected virtual SqliteStatements? StatementsOf(DbConnection connection) => null;

    /// <summary>Begins the store's serializable write transaction.</summary>
    private protected abstract Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when re-running the whole transaction may succeed (serialization failure, deadlock,
    /// busy database, a unique key taken by a concurrent writer).</summary>
    private protected abstract bool IsTransient(Exception exception);

    /// <summary>Hook to serialize concurrent migrations (PostgreSQL takes an advisory lock).</summary>
    private protected virtual Task LockForMigrationAsync(LedgerSession session) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<T> InTransactionAsync<T>(Func<LedgerSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            bool reusable = false;
            try
            {
                await using DbTransaction transaction = await BeginAsync(connection, cancellationToken).ConfigureAwait(false);
                T result = await RunAsync(connection, transaction, work, cancellationToken).ConfigureAwait(false);
                reusable = true;
                return result;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                Interlocked.Increment(ref _retries);

                // Randomised, growing back-off so contending hosts stop colliding in lockstep.
                int ceilingMs = Math.Min(50, 1 << Math.Min(attempt, 6));
                await Task.Delay(Random.Shared.Next(1, ceilingMs + 1), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ReleaseAsync(connection, reusable).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt: the work, its queued writes, COMMIT; on any failure a rollback and the exception.</summary>
    private async Task<T> RunAsync<T>(DbConnection connection, DbTransaction transaction, Func<LedgerSession, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        try
        {
            var session = new LedgerSession(connection, transaction, Dialect, Traffic, StatementsOf(connection), cancellationToken);
            T result = await work(session, cancellationToken).ConfigureAwait(false);
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            bool oneTrip = await session.FlushAndCommitAsync().ConfigureAwait(false);
            if (!oneTrip)
            {
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            Traffic.Committed(System.Diagnostics.Stopwatch.GetTimestamp() - started, separateRoundTrip: !oneTrip);
            return result;
        }
        catch
        {
            await SafeRollbackAsync(transaction).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task SafeRollbackAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The connection is already unusable or the transaction was rolled back by the server; the
            // connection is disposed right after, which releases everything.
        }
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await InTransactionAsync(async (session, _) =>
        {
            // Lock first, then create: two hosts creating the same table at once can otherwise collide in
            // PostgreSQL's catalog even with IF NOT EXISTS.
            await LockForMigrationAsync(session).ConfigureAwait(false);
            await session.ExecuteAsync(LedgerSchema.CreateMeta).ConfigureAwait(false);
            long version = await session.ScalarAsync("SELECT value FROM meta WHERE key = 'schema_version'").ConfigureAwait(false) ?? 0;
            if (version > LedgerSchema.CurrentVersion)
            {
                throw new InvalidOperationException("The ledger schema (version " + version + ") is newer than this library ("
                    + LedgerSchema.CurrentVersion + ").");
            }

            for (long v = version + 1; v <= LedgerSchema.CurrentVersion; v++)
            {
                foreach (string statement in LedgerSchema.Step((int)v))
                {
                    string ddl = Dialect.Ddl(statement);
                    if (ddl.Length > 0)
                    {
                        await session.ExecuteAsync(ddl).ConfigureAwait(false);
                    }
                }

                await session.ExecuteAsync("INSERT INTO meta (key, value) VALUES ('schema_version', @v) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("@v", v)).ConfigureAwait(false);
            }

            return version;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True when a ledger exists here (its schema has been created), without creating anything: a SQLite file
    /// that does not exist is not created, a PostgreSQL database without the ledger's tables gets none. For
    /// tools whose read-only commands must not leave an empty ledger behind wherever they are run.
    /// </summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        if (!StorageMayExist())
        {
            return false;
        }

        return await InTransactionAsync(async (session, _) =>
            (await session.ScalarAsync(Dialect.TableExists, ("@t", "meta")).ConfigureAwait(false) ?? 0) > 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>False when the store can tell without connecting that nothing is there (a missing SQLite file).</summary>
    private protected virtual bool StorageMayExist() => true;

    /// <inheritdoc />
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (session, _) =>
        {
            await session.ExecuteAsync(LedgerSchema.CreateMeta).ConfigureAwait(false);
            return (int)(await session.ScalarAsync("SELECT value FROM meta WHERE key = 'schema_version'").ConfigureAwait(false) ?? 0);
        }, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

}
