using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The embedded default: one SQLite file in WAL mode with synchronous=FULL, so a committed settlement
/// survives a power cut. Write transactions start with BEGIN IMMEDIATE, taking the single writer lock up
/// front: settlements are serialized, which is what makes read-then-write of a balance safe here.
/// </summary>
public sealed class SqliteLedgerStore : SqlLedgerStore
{
    private readonly string _connectionString;

    public SqliteLedgerStore(string path)
        : base(SqlDialect.Sqlite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Kind => "sqlite";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using SqliteCommand pragmas = connection.CreateCommand();

            // WAL is persistent in the file; synchronous and foreign_keys are per connection.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false => BEGIN IMMEDIATE (writer lock now, not at the first write, so two
        // read-then-write transactions can never deadlock on the upgrade).
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    protected override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    /// <summary>Drops pooled connections so the file can be deleted (tests, tools).</summary>
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}
