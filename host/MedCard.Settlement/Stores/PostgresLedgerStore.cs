using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace MedCard.Settlement.Stores;

/// <summary>
/// For deployments where many hosts share one ledger. Every transaction runs SERIALIZABLE and locks the
/// rows it will change with SELECT ... FOR UPDATE (card, persons in a fixed order, accumulator, reader);
/// a serialization failure (40001), deadlock (40P01) or a unique key taken by a concurrent insert
/// (23505) re-runs the whole transaction. Together with CHECK (balance &gt;= 0) this rules out lost
/// updates and double spending of a personal balance.
/// </summary>
public sealed class PostgresLedgerStore : SqlLedgerStore
{
    /// <summary>Arbitrary constant naming the advisory lock that serializes schema migrations.</summary>
    private const long MigrationLockKey = 0x4D43_4C45_4447_4552; // "MCLEDGER"

    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">An Npgsql connection string, e.g.
    /// "Host=db.example;Port=5432;Database=medcard;Username=medcard;Password=...".</param>
    public PostgresLedgerStore(string connectionString)
        : base(SqlDialect.Postgres)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Kind => "postgresql";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);

    protected override bool IsTransient(Exception exception) =>
        exception is PostgresException { SqlState: "40001" or "40P01" or "23505" };

    protected override Task LockForMigrationAsync(LedgerSession session) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(" + MigrationLockKey + ")");

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
