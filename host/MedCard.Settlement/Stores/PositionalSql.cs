using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;

namespace MedCard.Settlement.Stores;

/// <summary>
/// The ledger's SQL with its named parameters (@name) turned into PostgreSQL's positional ones ($1, $2, ...), once per
/// distinct text. Given named parameters, Npgsql parses and rewrites every statement on every execution (about 14 µs per
/// settlement, all its statements together, on the development VM); given positional ones without names it sends the
/// text as it is ("raw mode"). A name used twice is one position. @ inside a quoted literal, a quoted identifier or a
/// comment is left alone.
/// </summary>
internal sealed class PositionalSql
{
    /// <summary>Bounded like the statements a connection keeps: beyond it, texts are converted each time, not kept.</summary>
    private const int MaxKept = 1024;

    private static readonly ConcurrentDictionary<string, PositionalSql> Kept = new(StringComparer.Ordinal);

    private PositionalSql(string text, string[] names)
    {
        Text = text;
        Names = names;
    }

    /// <summary>The text with $1, $2, ... in place of the names.</summary>
    public string Text { get; }

    /// <summary>The parameter name at each position ($1 is Names[0]).</summary>
    public string[] Names { get; }

    public static PositionalSql Of(string sql)
    {
        if (Kept.TryGetValue(sql, out PositionalSql? known))
        {
            return known;
        }

        PositionalSql converted = Convert(sql);
        if (Kept.Count < MaxKept)
        {
            Kept.TryAdd(sql, converted);
        }

        return converted;
    }

    /// <summary>The value of each position, from the caller's named values. A name the SQL uses without a value is a bug:
    /// refused before anything is sent.</summary>
    public object?[] Values((string Name, object? Value)[] parameters)
    {
        var values = new object?[Names.Length];
        for (int i = 0; i < Names.Length; i++)
        {
            int found = IndexOf(parameters, Names[i]);
            values[i] = found >= 0
                ? parameters[found].Value
                : throw new InvalidOperationException("No value for parameter " + Names[i] + " of: " + Text);
        }

        return values;
    }

    private static int IndexOf((string Name, object? Value)[] parameters, string name)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static PositionalSql Convert(string sql)
    {
        var text = new StringBuilder(sql.Length);
        var names = new List<string>();
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c is '\'' or '"')
            {
                // A quoted literal or identifier, to its closing quote (a doubled quote stays inside).
                int end = i + 1;
                while (end < sql.Length && !(sql[end] == c && (end + 1 >= sql.Length || sql[end + 1] != c)))
                {
                    end += sql[end] == c ? 2 : 1;
                }

                end = Math.Min(end + 1, sql.Length);
                text.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                int end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                text.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '@' && i + 1 < sql.Length && IsNameStart(sql[i + 1]))
            {
                int end = i + 1;
                while (end < sql.Length && IsNamePart(sql[end]))
                {
                    end++;
                }

                string name = sql[i..end];
                int position = names.IndexOf(name);
                if (position < 0)
                {
                    names.Add(name);
                    position = names.Count - 1;
                }

                text.Append('$').Append(position + 1);
                i = end;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return new PositionalSql(text.ToString(), [.. names]);
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
