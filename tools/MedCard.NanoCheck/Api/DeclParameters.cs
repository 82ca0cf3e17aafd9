using System;
using System.Collections.Generic;
using System.Text;

namespace MedCard.NanoCheck.Api;

/// <summary>
/// Parses the parameters column of a decl line (<c>val format,params args</c>,
/// <c>val paddingChar=' '</c>). Default values are C# literals that may hold commas inside
/// quotes or parentheses, so the split is done with a tiny scanner rather than string.Split.
/// </summary>
public static class DeclParameters
{
    public static List<(string RefKind, string Name, string? Default)> Parse(string column)
    {
        var result = new List<(string, string, string?)>();
        if (column.Length == 0)
        {
            return result;
        }

        foreach (string part in SplitTopLevel(column))
        {
            int space = part.IndexOf(' ');
            if (space < 0)
            {
                throw new FormatException("parameter without refkind: " + part);
            }

            string refKind = part[..space];
            string rest = part[(space + 1)..];
            int eq = rest.IndexOf('=');
            result.Add(eq < 0 ? (refKind, rest, null) : (refKind, rest[..eq], rest[(eq + 1)..]));
        }

        return result;
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                current.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                case '\'':
                    quote = c;
                    current.Append(c);
                    break;
                case '(':
                    depth++;
                    current.Append(c);
                    break;
                case ')':
                    depth--;
                    current.Append(c);
                    break;
                case ',' when depth == 0:
                    parts.Add(current.ToString());
                    current.Clear();
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        parts.Add(current.ToString());
        return parts;
    }
}
