using System;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Settlement.Stores;

/// <summary>
/// Where the ledger lives. Every read and write of a ledger operation happens inside one
/// <see cref="InTransactionAsync{T}"/> call, atomically and isolated from concurrent writers: SQLite
/// takes the database write lock up front (BEGIN IMMEDIATE); PostgreSQL locks the rows it changes
/// with SELECT ... FOR UPDATE in a fixed order and re-runs the work on a deadlock, serialization
/// failure or unique-key race.
/// The work delegate may therefore run more than once: it must have no effect outside the session.
/// </summary>
public interface ILedgerStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    string Kind { get; }

    /// <summary>Creates the schema or migrates it to <see cref="LedgerSchema.CurrentVersion"/>; safe to call
    /// from many hosts at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The schema version of the store (0 when not created).</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in one transaction, re-running it on transient conflicts (serialization failures, busy database); commits when it returns.</summary>
    Task<T> InTransactionAsync<T>(Func<LedgerSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}
