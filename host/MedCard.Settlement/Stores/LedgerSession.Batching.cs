using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;

namespace MedCard.Settlement.Stores;

/// <summary>
/// Fewer round trips. A write whose result nobody reads (an UPDATE, an INSERT without RETURNING) is queued instead of
/// sent, and goes with the next read or at commit; several reads a service needs at once go together. Where the driver
/// batches (Npgsql), the queued writes and the reads travel as one batch: one round trip. The statements reach the
/// database in exactly the order the service issued them, so locks are taken in the same order as before and every read
/// sees the writes issued before it; only a failing queued write reports itself later, at the next read or the commit,
/// which is inside the same transaction and rolls it back all the same. SQLite runs in process: there a batch is the
/// same statements one after the other.
/// </summary>
public sealed partial class LedgerSession
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _pending = new();

    /// <summary>Per queued write, the row it replaces whole (see <see cref="DeferRowAsync"/>), or null.</summary>
    private readonly List<string?> _pendingKeys = new();

    /// <summary>One read of a batch: the statement and how to map each of its rows.</summary>
    internal readonly record struct Read(string Sql, Func<DbDataReader, object?> Map, params (string Name, object? Value)[] Parameters);

    /// <summary>Queues a write whose result is not needed; it is sent with the next read or at commit.</summary>
    internal Task DeferAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        _pending.Add((sql, parameters));
        _pendingKeys.Add(null);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues a write that sets the whole mutable state of the row named <paramref name="rowKey"/>; when a write of that
    /// row is still queued, this one takes its place (same position, so the row lock is still taken where the first write
    /// stood). Nothing between them can have seen the first: every read sends the queue first, and the queued writes do
    /// not read the row. The PIN try's spend, its restore and the settlement's card update become one UPDATE.
    /// </summary>
    internal Task DeferRowAsync(string rowKey, string sql, params (string Name, object? Value)[] parameters)
    {
        int queued = _pendingKeys.IndexOf(rowKey);
        if (queued >= 0)
        {
            _pending[queued] = (sql, parameters);
            return Task.CompletedTask;
        }

        _pending.Add((sql, parameters));
        _pendingKeys.Add(rowKey);
        return Task.CompletedTask;
    }

    /// <summary>Sends the queued writes (the store calls this before COMMIT).</summary>
    internal async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        if (_connection.CanCreateBatch)
        {
            await using DbBatch batch = PendingBatch();
            await batch.ExecuteNonQueryAsync(_ct).ConfigureAwait(false);
            return;
        }

        var writes = _pending.ToArray();
        ClearPending();
        foreach ((string sql, (string Name, object? Value)[] parameters) in writes)
        {
            await SendAsync(sql, parameters).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends the transaction's work: where the driver batches and writes are queued, they go with COMMIT as one batch (one
    /// round trip; a failing write stops the batch before the COMMIT, and the store rolls back as for any failure) and the
    /// answer is true: committed. Otherwise the queued writes are sent and the answer is false: the store commits.
    /// </summary>
    internal async Task<bool> FlushAndCommitAsync()
    {
        if (_pending.Count == 0 || !_connection.CanCreateBatch)
        {
            await FlushAsync().ConfigureAwait(false);
            return false;
        }

        await DeferAsync("COMMIT").ConfigureAwait(false);
        await using DbBatch batch = PendingBatch();
        await batch.ExecuteNonQueryAsync(_ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs the queued writes, then <paramref name="reads"/> in order; returns each read's mapped rows.</summary>
    internal async Task<List<object?>[]> ReadManyAsync(params Read[] reads)
    {
        var results = new List<object?>[reads.Length];
        if (_connection.CanCreateBatch)
        {
            foreach (Read read in reads)
            {
                _pending.Add((read.Sql, read.Parameters));
                _pendingKeys.Add(null);
            }

            await using DbBatch batch = PendingBatch();
            await using DbDataReader reader = await batch.ExecuteReaderAsync(_ct).ConfigureAwait(false);
            for (int i = 0; i < reads.Length; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(_ct).ConfigureAwait(false))
                {
                    throw new InvalidOperationException("The batch returned fewer result sets than it has reads.");
                }

                // The queued writes ahead of the reads have no result set; skip past them if the driver shows them.
                while (reader.FieldCount == 0)
                {
                    if (!await reader.NextResultAsync(_ct).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException("The batch returned fewer result sets than it has reads.");
                    }
                }

                results[i] = await RowsAsync(reader, reads[i].Map).ConfigureAwait(false);
            }

            return results;
        }

        await FlushAsync().ConfigureAwait(false);
        for (int i = 0; i < reads.Length; i++)
        {
            results[i] = await SendReadAsync(reads[i]).ConfigureAwait(false);
        }

        return results;
    }

    private async Task<List<object?>> RowsAsync(DbDataReader reader, Func<DbDataReader, object?> map)
    {
        var rows = new List<object?>();
        while (await reader.ReadAsync(_ct).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The queued statements as one driver batch (emptying the queue), counted as one round trip.</summary>
    private DbBatch PendingBatch()
    {
        DbBatch batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        foreach ((string sql, (string Name, object? Value)[] parameters) in _pending)
        {
            DbBatchCommand command = batch.CreateBatchCommand();
            SetText(sql, parameters, text => command.CommandText = text, command.CreateParameter, command.Parameters);
            batch.BatchCommands.Add(command);
        }

        _traffic.Sent(_pending.Count);
        ClearPending();
        return batch;
    }

    private void ClearPending()
    {
        _pending.Clear();
        _pendingKeys.Clear();
    }
}
