using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MedCard.Settlement.Stores;

/// <summary>
/// One SQL statement compiled once on a SQLite connection and run many times, its parameters bound by position.
/// Microsoft.Data.Sqlite binds every parameter by name on every run (the name converted to UTF-8 and looked up in the
/// statement each time) and wraps each run in a command and a data reader: for a settlement's dozen statements and about
/// 75 parameters that was a fifth of the time a settlement spends outside its commit. Here the names are looked up once,
/// when a caller first runs the statement with a given list of names; later runs with the same list only bind values.
/// Errors surface as the <see cref="SqliteException"/> Microsoft.Data.Sqlite would throw (same code, same message), so
/// the store's retry and error handling see no difference. Used by one transaction at a time (the connection's); always
/// reset after a run, so no statement is left in progress when the transaction commits.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly bool _readOnly;
    private readonly int _parameterCount;

    /// <summary>Per position of the caller's last list of names, the statement's parameter index (0: not in the SQL).</summary>
    private (string Name, object? Value)[]? _boundNames;
    private int[] _slots = [];
    private readonly bool[] _seen;

    private SqliteStatement(sqlite3 db, sqlite3_stmt stmt)
    {
        _db = db;
        _stmt = stmt;
        _readOnly = raw.sqlite3_stmt_readonly(stmt) != 0;
        _parameterCount = raw.sqlite3_bind_parameter_count(stmt);
        _seen = new bool[_parameterCount + 1];
    }

    /// <summary>Compiles <paramref name="sql"/>; null when it holds more than one statement, or none (the caller then runs
    /// it through Microsoft.Data.Sqlite, which runs them one after the other).</summary>
    public static SqliteStatement? TryPrepare(sqlite3 db, string sql)
    {
        int rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt? stmt, out string tail);
        if (rc != raw.SQLITE_OK)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        // SQLite compiles an empty text or a comment to no statement (a handle to nothing).
        if (stmt is null || stmt.IsInvalid || (!string.IsNullOrWhiteSpace(tail) && tail.Trim() != ";"))
        {
            stmt?.Dispose();
            return null; // no statement (only a comment) or several
        }

        return new SqliteStatement(db, stmt);
    }

    /// <summary>True when every value is of a type this class binds (integers, text, blobs, reals, null); otherwise the
    /// caller runs the statement through Microsoft.Data.Sqlite, whose type rules are the reference.</summary>
    public static bool CanBind((string Name, object? Value)[] parameters)
    {
        foreach ((_, object? value) in parameters)
        {
            if (value is not (null or DBNull or long or int or string or byte[] or double or bool))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the statement to its end; returns the rows it changed (-1 for a statement that changes nothing, as
    /// Microsoft.Data.Sqlite answers for a query).</summary>
    public int Execute((string Name, object? Value)[] parameters)
    {
        try
        {
            Bind(parameters);
            int rc;
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return _readOnly ? -1 : raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Binds <paramref name="parameters"/> and returns a reader over the rows; disposing it resets the statement.</summary>
    public SqliteRowReader Query((string Name, object? Value)[] parameters)
    {
        try
        {
            Bind(parameters);
        }
        catch
        {
            raw.sqlite3_reset(_stmt);
            throw;
        }

        return new SqliteRowReader(this);
    }

    internal sqlite3_stmt Handle => _stmt;

    /// <summary>One step: true on a row, false at the end; an error throws.</summary>
    internal bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(rc);
        return false;
    }

    internal void Reset() => raw.sqlite3_reset(_stmt);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Bind((string Name, object? Value)[] parameters)
    {
        if (!SameNames(parameters))
        {
            _slots = new int[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                _slots[i] = raw.sqlite3_bind_parameter_index(_stmt, parameters[i].Name);
            }

            _boundNames = parameters;
        }

        Array.Clear(_seen);
        int bound = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            int index = _slots[i];
            if (index == 0)
            {
                continue; // not in this SQL (Microsoft.Data.Sqlite ignores such a parameter too)
            }

            BindValue(index, parameters[i].Value);
            if (!_seen[index])
            {
                _seen[index] = true;
                bound++;
            }
        }

        if (bound < _parameterCount)
        {
            string sql = raw.sqlite3_sql(_stmt).utf8_to_string();
            throw new InvalidOperationException("A parameter of the statement has no value: " + sql);
        }
    }

    /// <summary>True when <paramref name="parameters"/> names the same parameters in the same order as the last run (the
    /// names are the callers' literals: usually the same string objects).</summary>
    private bool SameNames((string Name, object? Value)[] parameters)
    {
        if (_boundNames is null || _boundNames.Length != parameters.Length)
        {
            return false;
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            string known = _boundNames[i].Name;
            if (!ReferenceEquals(known, parameters[i].Name) && !string.Equals(known, parameters[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void BindValue(int index, object? value)
    {
        int rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_stmt, index),
            long l => raw.sqlite3_bind_int64(_stmt, index, l),
            int n => raw.sqlite3_bind_int64(_stmt, index, n),
            bool b => raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0),
            string s => raw.sqlite3_bind_text(_stmt, index, s),
            // An empty span may reach SQLite as a null pointer, which binds NULL; an empty blob is a value (an empty salt).
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(_stmt, index, 0),
            byte[] bytes => raw.sqlite3_bind_blob(_stmt, index, bytes),
            double d => raw.sqlite3_bind_double(_stmt, index, d),
            _ => throw new InvalidOperationException("Unsupported parameter type " + value.GetType().Name + "."),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose()
    {
        _stmt.Dispose();
    }
}
