using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using nietras.SeparatedValues;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard card import`: bulk enrolment from a CSV file with the header
/// <c>residentId,name,gender,employer,cardNumber,uid,pin,balance</c>, read with Sep (RFC 4180 quoting). Every row is
/// validated before anything is written (a malformed file changes nothing, exit 2; every bad line is listed with its number); then each row is enrolled on its own, refusals (already
/// enrolled...) are listed and make the exit code 3. Progress shows at a terminal only.
/// </summary>
internal static class ImportCommand
{
    private static readonly string[] Header = ["residentId", "name", "gender", "employer", "cardNumber", "uid", "pin", "balance"];

    public static Command Build(CliIo io)
    {
        var file = Opt.Required("--file", "CSV file: residentId,name,gender,employer,cardNumber,uid,pin,balance (header line first)", ValueKind.Path);
        var command = new Command("import", "Enrol many insured persons and cards from a CSV file") { file };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            List<Row> rows = Read(ctx, parse.GetValue(file)!);
            CardDesk desk = await ctx.DeskAsync(ct, StoreAccess.CreateIfMissing).ConfigureAwait(false);
            var refused = new List<(Row Row, Refusal Refusal)>();
            try
            {
                if (ctx.ShowProgress)
                {
                    await ctx.Console.Progress().StartAsync(async p =>
                    {
                        ProgressTask task = p.AddTask("Enrolling", maxValue: rows.Count);
                        await EnrolAllAsync(desk, rows, refused, () => task.Increment(1), ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                }
                else
                {
                    await EnrolAllAsync(desk, rows, refused, null, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                rows.ForEach(r => r.Pin.Dispose());
            }

            Report(ctx, rows.Count, refused);
        });
        return command;
    }

    private sealed record Row(int Line, string ResidentId, string Name, Gender Gender, string Employer, string CardNumber, byte[] Uid, PinDigits Pin, long Balance);

    private static async Task EnrolAllAsync(CardDesk desk, List<Row> rows, List<(Row, Refusal)> refused, Action? step, CancellationToken ct)
    {
        foreach (Row r in rows)
        {
            DeskResult result = await desk.EnrolAsync(new Enrolment(r.ResidentId, r.Name, r.Gender, r.Employer, r.CardNumber, r.Uid, r.Pin, r.Balance), ct)
                .ConfigureAwait(false);
            if (!result.Succeeded)
            {
                refused.Add((r, result.Refusal!));
            }

            step?.Invoke();
        }
    }

    /// <summary>Bad lines echoed one per line on stderr before the error; the rest are counted.</summary>
    private const int ListedErrors = 20;

    /// <summary>Reads the file with Sep (RFC 4180: quoted fields may hold commas). Every line is checked; any bad line
    /// (each reported with its number and reason) and nothing is enrolled.</summary>
    private static List<Row> Read(CliContext ctx, string path)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        try
        {
            using SepReader reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All })
                .FromFile(path);
            bool header = true;
            foreach (SepReader.Row line in reader)
            {
                if (line.ColCount == 1 && line[0].Span.IsEmpty)
                {
                    continue; // a blank line
                }

                string[] fields = new string[line.ColCount];
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = line[i].ToString();
                }

                if (header)
                {
                    header = false;
                    if (!IsHeader(fields))
                    {
                        throw CliException.BadInput("import file " + path + " does not start with the header line",
                            "the first line must be " + string.Join(',', Header));
                    }

                    continue;
                }

                try
                {
                    rows.Add(Parse(fields, line.LineNumberFrom));
                }
                catch (CliException e)
                {
                    errors.Add("line " + line.LineNumberFrom + ": " + e.Message);
                }
            }

            if (header)
            {
                throw CliException.BadInput("import file " + path + " does not start with the header line", "the first line must be " + string.Join(',', Header));
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadInput("import file " + path + " does not exist", "check the --file path");
        }
        catch
        {
            rows.ForEach(r => r.Pin.Dispose());
            throw;
        }

        if (errors.Count > 0)
        {
            rows.ForEach(r => r.Pin.Dispose());
            for (int i = 0; i < errors.Count && i < ListedErrors && !ctx.Json; i++)
            {
                ctx.Io.Error.WriteLine("medcard: " + path + " " + errors[i]);
            }

            var error = CliException.BadInput(path + " " + errors[0] + (errors.Count > 1 ? " (and " + (errors.Count - 1) + " more bad lines)" : string.Empty)
                + "; nothing enrolled", "one person per line: " + string.Join(',', Header));
            var list = new JsonArray();
            errors.ForEach(e => list.Add(e));
            error.Details["errors"] = list;
            throw error;
        }

        return rows;
    }

    private static bool IsHeader(string[] fields)
    {
        if (fields.Length != Header.Length)
        {
            return false;
        }

        for (int i = 0; i < fields.Length; i++)
        {
            if (!string.Equals(fields[i].Replace(" ", string.Empty, StringComparison.Ordinal), Header[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static Row Parse(string[] f, int number)
    {
        if (f.Length != Header.Length)
        {
            throw CliException.BadInput(f.Length + " fields, not " + Header.Length);
        }

        Gender gender = f[2].Length == 0 ? Gender.Unspecified
            : OptionRules.TryParseName(f[2], out Gender g) ? g
            : throw CliException.BadInput("gender '" + Echo.Value(f[2]) + "' is unknown (female, male or empty)");
        return new Row(number, Inputs.ResidentId(f[0], "residentId"), Inputs.Name(f[1], "name"), gender, f[3].Length == 0 ? string.Empty : Inputs.Name(f[3], "employer"),
            Inputs.CardNumber(f[4], "cardNumber"), Inputs.Uid(f[5], "uid"), Inputs.Pin(f[6], "pin"),
            f[7].Length == 0 ? 0 : Money.ParseYuan(f[7], "balance"));
    }

    private static void Report(CliContext ctx, int total, List<(Row Row, Refusal Refusal)> refused)
    {
        if (ctx.Json && refused.Count == 0)
        {
            ctx.WriteJson(new JsonObject { ["rows"] = total, ["enrolled"] = total, ["refused"] = new JsonArray() });
            return;
        }

        if (refused.Count == 0)
        {
            ctx.Say("[green]enrolled " + total + " of " + total + "[/]");
            return;
        }

        var error = new RefusedException((total - refused.Count) + " of " + total + " enrolled; " + refused.Count + " refused (first: line "
            + refused[0].Row.Line + ", card " + refused[0].Row.CardNumber + ")", refused[0].Refusal, "see the refused lines, fix or remove them and import those again");
        var list = new JsonArray();
        foreach ((Row row, Refusal refusal) in refused)
        {
            list.Add(new JsonObject { ["line"] = row.Line, ["card"] = row.CardNumber, ["key"] = refusal.Key, ["reason"] = refusal.Message });
            if (!ctx.Json)
            {
                ctx.Io.Error.WriteLine("medcard: line " + row.Line + " (card " + row.CardNumber + "): " + refusal.Key + ": " + refusal.Message);
            }
        }

        error.Details["rows"] = total;
        error.Details["enrolled"] = total - refused.Count;
        error.Details["refused"] = list;
        throw error;
    }
}
