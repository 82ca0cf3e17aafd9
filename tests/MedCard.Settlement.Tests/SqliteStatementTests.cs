using System;
using System.IO;
using MedCard.Settlement.Stores;
using Microsoft.Data.Sqlite;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>
/// The SQLite store's own statement path (<see cref="SqliteStatement"/>) against Microsoft.Data.Sqlite, which it replaces
/// for the ledger's statements: the same values back, the same exception for a failing statement, and no value silently
/// bound wrong (a missing parameter, an empty blob).
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "medcard-stmt-" + Guid.NewGuid().ToString("N")[..12] + ".db");
    private readonly SqliteConnection _connection;

    public SqliteStatementTests()
    {
        _connection = new SqliteConnection("Data Source=" + _path + ";Pooling=False");
        _connection.Open();
        using SqliteCommand create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT, s TEXT, b BLOB NOT NULL, d REAL, z TEXT, CHECK (n >= 0))";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void Rows_read_back_as_microsoft_data_sqlite_reads_them()
    {
        using var statements = new SqliteStatements(_connection.Handle!);
        (string, object?)[] row = [("@id", 1L), ("@n", 42L), ("@s", "金额 ok"), ("@b", new byte[] { 0, 255 }), ("@d", 1.5), ("@z", null)];
        Assert.Equal(1, statements.Get("INSERT INTO t VALUES (@id, @n, @s, @b, @d, @z)")!.Execute(row));

        using SqliteRowReader ours = statements.Get("SELECT id, n, s, b, d, z FROM t WHERE id = @id")!.Query([("@id", 1L)]);
        using SqliteCommand select = _connection.CreateCommand();
        select.CommandText = "SELECT id, n, s, b, d, z FROM t WHERE id = 1";
        using SqliteDataReader theirs = select.ExecuteReader();
        Assert.True(ours.Read());
        Assert.True(theirs.Read());
        Assert.Equal(theirs.FieldCount, ours.FieldCount);
        for (int i = 0; i < theirs.FieldCount; i++)
        {
            Assert.Equal(theirs.GetValue(i), ours.GetValue(i));
            Assert.Equal(theirs.GetValue(i).GetType(), ours.GetValue(i).GetType());
            Assert.Equal(theirs.IsDBNull(i), ours.IsDBNull(i));
            Assert.Equal(theirs.GetName(i), ours.GetName(i));
        }

        Assert.False(ours.Read());
        Assert.False(theirs.Read());
    }

    [Fact]
    public void An_empty_blob_is_stored_as_an_empty_value_not_null()
    {
        using var statements = new SqliteStatements(_connection.Handle!);
        Assert.Equal(1, statements.Get("INSERT INTO t (id, b) VALUES (@id, @b)")!.Execute([("@id", 2L), ("@b", Array.Empty<byte>())]));
        using SqliteRowReader rows = statements.Get("SELECT b FROM t WHERE id = @id")!.Query([("@id", 2L)]);
        Assert.True(rows.Read());
        Assert.Equal(Array.Empty<byte>(), rows.GetValue(0));
    }

    [Fact]
    public void A_failing_statement_throws_the_exception_microsoft_data_sqlite_throws_and_the_statement_runs_again()
    {
        using var statements = new SqliteStatements(_connection.Handle!);
        SqliteStatement insert = statements.Get("INSERT INTO t (id, n, b) VALUES (@id, @n, x'00')")!;
        SqliteException ours = Assert.Throws<SqliteException>(() => insert.Execute([("@id", 3L), ("@n", -1L)]));
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO t (id, n, b) VALUES (3, -1, x'00')";
        SqliteException theirs = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Equal(theirs.SqliteErrorCode, ours.SqliteErrorCode); // 19, a constraint
        Assert.Equal(theirs.Message, ours.Message);

        Assert.Equal(1, insert.Execute([("@id", 3L), ("@n", 1L)])); // reset after the failure
    }

    [Fact]
    public void A_parameter_without_a_value_is_refused_before_the_statement_runs()
    {
        using var statements = new SqliteStatements(_connection.Handle!);
        SqliteStatement insert = statements.Get("INSERT INTO t (id, n, b) VALUES (@id, @n, x'00')")!;
        Assert.Throws<InvalidOperationException>(() => insert.Execute([("@id", 4L)]));
        using SqliteRowReader count = statements.Get("SELECT COUNT(*) FROM t")!.Query([]);
        Assert.True(count.Read());
        Assert.Equal(0L, count.GetValue(0));
    }

    [Fact]
    public void Several_statements_in_one_text_and_unusual_values_are_left_to_microsoft_data_sqlite()
    {
        using var statements = new SqliteStatements(_connection.Handle!);
        Assert.Null(statements.Get("SELECT 1; SELECT 2"));
        Assert.Null(statements.Get("-- nothing to run"));
        Assert.NotNull(statements.Get("SELECT 1;"));
        Assert.False(SqliteStatement.CanBind([("@a", 1.5m)]));
        Assert.False(SqliteStatement.CanBind([("@a", DateTime.UnixEpoch)]));
        Assert.True(SqliteStatement.CanBind([("@a", 1L), ("@b", "x"), ("@c", null), ("@d", new byte[1])]));
    }

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }
}
