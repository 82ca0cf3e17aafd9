using System;
using System.Collections;
using System.Data.Common;
using SQLitePCL;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The rows of one run of a <see cref="SqliteStatement"/>, read straight from the statement (the ledger's row mappers take
/// a <see cref="DbDataReader"/>). Values come out as Microsoft.Data.Sqlite gives them: by the value's own storage class,
/// INTEGER as long, REAL as double, TEXT as string, BLOB as byte[], NULL as DBNull. Forward only, one result set.
/// Disposing it resets the statement.
/// </summary>
internal sealed class SqliteRowReader : DbDataReader
{
    private readonly SqliteStatement _statement;
    private bool _closed;
    private bool _onRow;

    public SqliteRowReader(SqliteStatement statement)
    {
        _statement = statement;
    }

    private sqlite3_stmt Stmt => _statement.Handle;

    public override bool Read()
    {
        if (_closed)
        {
            return false;
        }

        _onRow = _statement.Step();
        return _onRow;
    }

    public override int FieldCount => raw.sqlite3_column_count(Stmt);

    public override bool IsDBNull(int ordinal) => Type(ordinal) == raw.SQLITE_NULL;

    public override object GetValue(int ordinal) => Type(ordinal) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(Stmt, ordinal),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(Stmt, ordinal),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(Stmt, ordinal).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(Stmt, ordinal).ToArray(),
        _ => DBNull.Value,
    };

    public override string GetString(int ordinal) =>
        IsDBNull(ordinal) ? throw new InvalidCastException("Column " + ordinal + " is NULL.") : raw.sqlite3_column_text(Stmt, ordinal).utf8_to_string();

    public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(Stmt, ordinal);

    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));

    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));

    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;

    public override double GetDouble(int ordinal) => raw.sqlite3_column_double(Stmt, ordinal);

    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException("The ledger stores times as Unix milliseconds.");

    public override Guid GetGuid(int ordinal) => throw new NotSupportedException("The ledger stores no GUIDs.");

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        ReadOnlySpan<byte> blob = raw.sqlite3_column_blob(Stmt, ordinal);
        if (buffer is null)
        {
            return blob.Length;
        }

        int count = (int)Math.Max(0, Math.Min(length, blob.Length - dataOffset));
        blob.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        string text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        int count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override string GetName(int ordinal) => raw.sqlite3_column_name(Stmt, ordinal).utf8_to_string();

    public override int GetOrdinal(string name)
    {
        for (int i = 0; i < FieldCount; i++)
        {
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new IndexOutOfRangeException("No column " + name + ".");
    }

    public override string GetDataTypeName(int ordinal) => raw.sqlite3_column_decltype(Stmt, ordinal).utf8_to_string() ?? "BLOB";

    public override Type GetFieldType(int ordinal) => Type(ordinal) switch
    {
        raw.SQLITE_INTEGER => typeof(long),
        raw.SQLITE_FLOAT => typeof(double),
        raw.SQLITE_TEXT => typeof(string),
        _ => typeof(byte[]),
    };

    public override int GetValues(object[] values)
    {
        int count = Math.Min(values.Length, FieldCount);
        for (int i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int RecordsAffected => -1;

    public override bool HasRows => throw new NotSupportedException("Read until Read() returns false.");

    public override bool IsClosed => _closed;

    public override int Depth => 0;

    public override bool NextResult() => false;

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close()
    {
        if (!_closed)
        {
            _closed = true;
            _statement.Reset();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <summary>The storage class of the current row's value; reading off a row is a caller's bug.</summary>
    private int Type(int ordinal) =>
        _onRow ? raw.sqlite3_column_type(Stmt, ordinal) : throw new InvalidOperationException("No current row.");
}
