using System;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Files;
using Microsoft.Data.Sqlite;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The embedded default: one SQLite file in WAL mode with synchronous=FULL, so a committed settlement
/// survives a power cut. Write transactions start with BEGIN IMMEDIATE, taking the single writer lock up
/// front: settlements are serialized, which is what makes read-then-write of a balance safe here.
/// The file holds personal data and (for the medcard tool) reader keys: it is created owner-only (0600 on
/// Unix, <see cref="PrivateFiles"/>), and SQLite gives its -wal and -shm files the database file's mode.
/// The store keeps its open connections (pragmas applied once) with the statements each has compiled
/// (<see cref="SqliteStatements"/>): a settlement compiles no SQL and looks up no parameter name in steady state.
/// </summary>
public sealed class SqliteLedgerStore : SqlLedgerStore
{
    /// <summary>Idle connections kept open; SQLite has one writer at a time, so a few cover the readers as well.</summary>
    private const int MaxIdle = 8;

    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteConnection> _idle = new();
    private readonly ConditionalWeakTable<DbConnection, SqliteStatements> _statements = new();
    private volatile bool _disposed;

    /// <summary>A store in the SQLite database at <paramref name="path"/>.</summary>
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

    /// <summary>The database path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string Kind => "sqlite";

    /// <summary>False for SQLite's in-memory and URI names, which are not files this store creates.</summary>
    private bool IsFilePath => Path != ":memory:" && !Path.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checked without touching the disk: a missing file stays missing.</summary>
    private protected override bool StorageMayExist() => !IsFilePath || File.Exists(Path);

    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out SqliteConnection? idle))
        {
            return idle;
        }

        if (IsFilePath)
        {
            // SQLite would create the file with the process umask (typically 0644).
            PrivateFiles.EnsureExists(Path);
        }

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

    private protected override SqliteStatements StatementsOf(DbConnection connection) =>
        _statements.GetValue(connection, c => new SqliteStatements(((SqliteConnection)c).Handle!));

    /// <summary>Keeps a connection whose transaction ended cleanly (up to <see cref="MaxIdle"/>); closes any other, with
    /// its prepared statements.</summary>
    private protected override async ValueTask ReleaseAsync(DbConnection connection, bool reusable)
    {
        if (reusable && !_disposed && connection.State == System.Data.ConnectionState.Open && _idle.Count < MaxIdle)
        {
            _idle.Add((SqliteConnection)connection);
            if (!_disposed)
            {
                return;
            }

            // Disposed meanwhile: DisposeAsync may have drained the bag already; close what is left.
            await CloseIdleAsync().ConfigureAwait(false);
            return;
        }

        await CloseAsync(connection).ConfigureAwait(false);
    }

    private async ValueTask CloseAsync(DbConnection connection)
    {
        if (_statements.TryGetValue(connection, out SqliteStatements? statements))
        {
            statements.Dispose();
            _statements.Remove(connection);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask CloseIdleAsync()
    {
        while (_idle.TryTake(out SqliteConnection? connection))
        {
            await CloseAsync(connection).ConfigureAwait(false);
        }
    }

    private protected override Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(SqliteWriteTransaction.Begin(connection, StatementsOf(connection)));

    private protected override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    /// <summary>Closes the kept connections and drops pooled ones so the file can be deleted (tests, tools).</summary>
    public override async ValueTask DisposeAsync()
    {
        _disposed = true;
        await CloseIdleAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
