using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>Passes transactions through to a real store until armed; then the next transaction "loses
/// power" before it starts, so a test can see what the previous ones had already committed.</summary>
public sealed class CrashingStore : ILedgerStore
{
    private readonly ILedgerStore _inner;
    private int _transactionsLeft = int.MaxValue;

    public CrashingStore(ILedgerStore inner) => _inner = inner;

    public string Kind => _inner.Kind;

    /// <summary>Allow this many more transactions, then fail every following one.</summary>
    public void CrashAfter(int transactions) => Volatile.Write(ref _transactionsLeft, transactions);

    public Task MigrateAsync(CancellationToken cancellationToken) => _inner.MigrateAsync(cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => _inner.GetSchemaVersionAsync(cancellationToken);

    public Task<T> InTransactionAsync<T>(Func<LedgerSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        Interlocked.Decrement(ref _transactionsLeft) < 0
            ? throw new System.IO.IOException("simulated power cut")
            : _inner.InTransactionAsync(work, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
