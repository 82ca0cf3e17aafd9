using System;
using MedCard.Settlement.Stores;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The PostgreSQL store's named-to-positional rewrite (<see cref="PositionalSql"/>), which replaces Npgsql's own
/// parse of every statement: a name used twice is one position, and an @ that is not a parameter stays as written.</summary>
public sealed class PositionalSqlTests
{
    [Fact]
    public void Names_become_positions_in_order_of_first_use_and_a_repeated_name_keeps_its_position()
    {
        PositionalSql sql = PositionalSql.Of("INSERT INTO postings (entry_id, line, account, amount) VALUES (@e, 0, @a1, @m1), (@e, 1, @a3, @m3)");
        Assert.Equal("INSERT INTO postings (entry_id, line, account, amount) VALUES ($1, 0, $2, $3), ($1, 1, $4, $5)", sql.Text);
        Assert.Equal(["@e", "@a1", "@m1", "@a3", "@m3"], sql.Names);
        Assert.Equal([7L, "x", 5L, "y", -5L], sql.Values([("@a3", "y"), ("@m1", 5L), ("@e", 7L), ("@a1", "x"), ("@m3", -5L), ("@unused", 1L)]));
    }

    [Fact]
    public void An_at_sign_in_a_literal_a_quoted_identifier_or_a_comment_is_not_a_parameter()
    {
        PositionalSql sql = PositionalSql.Of("SELECT 'a@b', 'it''s @x', \"col@y\", @id -- @note\nFROM t WHERE n = @n_2");
        Assert.Equal("SELECT 'a@b', 'it''s @x', \"col@y\", $1 -- @note\nFROM t WHERE n = $2", sql.Text);
        Assert.Equal(["@id", "@n_2"], sql.Names);
    }

    [Fact]
    public void A_parameter_without_a_value_is_refused()
    {
        PositionalSql sql = PositionalSql.Of("UPDATE persons SET balance = balance + @d WHERE resident_id = @id");
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => sql.Values([("@d", 1L)]));
        Assert.Contains("@id", refused.Message, StringComparison.Ordinal);
    }
}
