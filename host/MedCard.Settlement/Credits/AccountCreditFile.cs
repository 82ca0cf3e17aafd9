using System;
using System.Collections.Generic;
using System.IO;
using MedCard.Protocol;
using nietras.SeparatedValues;

namespace MedCard.Settlement.Credits;

/// <summary>
/// A month's credit file: CSV (RFC 4180, read with Sep) with the header <c>residentId,amount</c> and one line per
/// insured person; the amount is in yuan with at most two decimals ("350" or "350.00"). Every line is checked and
/// every bad one reported with its line number and reason (up to <see cref="MaxErrors"/>); a file with any bad line
/// is applied not at all.
/// </summary>
public sealed class AccountCreditFile
{
    /// <summary>The header line the file must start with.</summary>
    public const string Header = "residentId,amount";

    /// <summary>More bad lines than this are counted but not listed one by one.</summary>
    public const int MaxErrors = 1000;

    /// <summary>The largest single credit, 1,000,000.00 yuan: a typo in the amount must not pass as a credit.</summary>
    public const long MaxAmountFen = 100_000_000_00;

    private AccountCreditFile(List<AccountCredit> credits, List<CreditLineError> errors)
    {
        Credits = credits;
        Errors = errors;
    }

    /// <summary>The good lines, in file order.</summary>
    public IReadOnlyList<AccountCredit> Credits { get; }

    /// <summary>The bad lines; empty when the file can be applied.</summary>
    public IReadOnlyList<CreditLineError> Errors { get; }

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static AccountCreditFile Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads and checks a credit file.</summary>
    public static AccountCreditFile Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var credits = new List<AccountCredit>();
        var errors = new List<CreditLineError>();
        int bad = 0;
        void Bad(int line, string reason)
        {
            if (++bad <= MaxErrors)
            {
                errors.Add(new CreditLineError(line, reason));
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using SepReader reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All })
            .From(text);
        bool header = true;
        foreach (SepReader.Row row in reader)
        {
            int line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue; // a blank line
            }

            if (header)
            {
                header = false;
                if (row.ColCount != 2 || !row[0].Span.Equals("residentId", StringComparison.OrdinalIgnoreCase)
                    || !row[1].Span.Equals("amount", StringComparison.OrdinalIgnoreCase))
                {
                    Bad(1, "the first line must be the header " + Header);
                    break;
                }

                continue;
            }

            if (row.ColCount != 2)
            {
                Bad(line, row.ColCount + " fields, not 2 (" + Header + ")");
                continue;
            }

            string id = ResidentId.Normalize(row[0].ToString());
            if (!ResidentId.IsValid(id))
            {
                Bad(line, "not a valid resident ID");
                continue;
            }

            if (!TryParseYuan(row[1].Span, out long fen) || fen <= 0 || fen > MaxAmountFen)
            {
                Bad(line, "the amount must be yuan with at most two decimals, more than 0 and at most 1000000.00");
                continue;
            }

            if (!seen.TryAdd(id, line))
            {
                Bad(line, "the same person as line " + seen[id] + " (one credit per person and month)");
                continue;
            }

            credits.Add(new AccountCredit(line, id, fen));
        }

        if (header && bad == 0)
        {
            Bad(1, "the file is empty; the first line must be the header " + Header);
        }

        if (bad > MaxErrors)
        {
            errors.Add(new CreditLineError(0, (bad - MaxErrors) + " more bad lines not listed"));
        }

        return new AccountCreditFile(credits, errors);
    }

    /// <summary>"350", "350.5", "350.50" to fen, exactly (no floating point); false for anything else.</summary>
    internal static bool TryParseYuan(ReadOnlySpan<char> text, out long fen)
    {
        fen = 0;
        int dot = text.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> cents = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 12 || cents.Length > 2 || (dot >= 0 && cents.IsEmpty))
        {
            return false;
        }

        foreach (char c in whole)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            fen = fen * 10 + (c - '0');
        }

        long minor = 0;
        for (int i = 0; i < 2; i++)
        {
            char c = i < cents.Length ? cents[i] : '0';
            if (c is < '0' or > '9')
            {
                return false;
            }

            minor = minor * 10 + (c - '0');
        }

        fen = fen * 100 + minor;
        return true;
    }
}
