using System;
using System.Collections.Generic;
using SQLitePCL;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The statements one SQLite connection has compiled, by SQL text (<see cref="SqliteStatement"/>): a statement the ledger
/// runs again on the same connection is neither compiled again nor bound by name again. Owned by the store with the
/// connection, disposed before it; used by one transaction at a time.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    /// <summary>Far above the ledger's distinct statements; a bound on what a caller building SQL text could make it keep.</summary>
    private const int MaxKept = 256;

    private readonly sqlite3 _db;

    /// <summary>Null for a text that holds several statements (Microsoft.Data.Sqlite runs those).</summary>
    private readonly Dictionary<string, SqliteStatement?> _bySql = new(StringComparer.Ordinal);

    public SqliteStatements(sqlite3 db)
    {
        _db = db;
    }

    /// <summary>The compiled statement for <paramref name="sql"/>, or null: several statements in one text, or the cache is
    /// full (the caller then runs it through Microsoft.Data.Sqlite).</summary>
    public SqliteStatement? Get(string sql)
    {
        if (_bySql.TryGetValue(sql, out SqliteStatement? statement))
        {
            return statement;
        }

        if (_bySql.Count >= MaxKept)
        {
            return null;
        }

        statement = SqliteStatement.TryPrepare(_db, sql);
        _bySql.Add(sql, statement);
        return statement;
    }

    public void Dispose()
    {
        foreach (SqliteStatement? statement in _bySql.Values)
        {
            statement?.Dispose();
        }

        _bySql.Clear();
    }
}
