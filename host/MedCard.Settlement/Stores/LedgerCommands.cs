using System;
using System.Collections.Generic;
using System.Data.Common;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The commands one connection has prepared, by SQL text, for drivers that prepare per command object (SQLite): a
/// statement the ledger runs again on the same connection is not compiled again. Owned by the connection's holder,
/// disposed with the connection; used by one transaction at a time.
/// </summary>
internal sealed class LedgerCommands : IDisposable
{
    /// <summary>Far above the ledger's distinct statements; a bound on what a caller building SQL text could make it keep.</summary>
    private const int MaxKept = 256;

    private readonly DbConnection _connection;
    private readonly Dictionary<string, DbCommand> _bySql = new(StringComparer.Ordinal);

    public LedgerCommands(DbConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The kept command for <paramref name="sql"/> (with the parameters of its last run, for the caller to reuse
    /// or replace), or a new one kept from now on; null when the cache is full (the caller then makes and disposes its
    /// own).</summary>
    public DbCommand? Get(string sql)
    {
        if (_bySql.TryGetValue(sql, out DbCommand? command))
        {
            return command;
        }

        if (_bySql.Count >= MaxKept)
        {
            return null;
        }

        command = _connection.CreateCommand();
        command.CommandText = sql;
        _bySql.Add(sql, command);
        return command;
    }

    public bool Keeps(DbCommand command) => _bySql.TryGetValue(command.CommandText, out DbCommand? kept) && ReferenceEquals(kept, command);

    public void Dispose()
    {
        foreach (DbCommand command in _bySql.Values)
        {
            command.Dispose();
        }

        _bySql.Clear();
    }
}
