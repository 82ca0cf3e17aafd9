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
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard card import`: bulk enrolment from a CSV file with the header
/// <c>residentId,name,gender,employer,cardNumber,uid,pin,balance</c>. Every row is validated before anything is
/// written (a malformed file changes nothing, exit 2); then each row is enrolled on its own, refusals (already
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
            List<Row> rows = Read(parse.GetValue(file)!);
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

    private static List<Row> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadInput("import file " + path + " does not exist", "check the --file path");
        }

        if (lines.Length == 0 || !string.Equals(lines[0].Trim().Replace(" ", string.Empty, StringComparison.Ordinal), string.Join(',', Header),
            StringComparison.OrdinalIgnoreCase))
        {
            throw CliException.BadInput("import file " + path + " does not start with the header line", "the first line must be " + string.Join(',', Header));
        }

        var rows = new List<Row>();
        try
        {
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length > 0)
                {
                    rows.Add(Parse(lines[i], i + 1, path));
                }
            }
        }
        catch
        {
            rows.ForEach(r => r.Pin.Dispose());
            throw;
        }

        return rows;
    }

    private static Row Parse(string line, int number, string path)
    {
        // Plain comma separation: names with commas are not expected on an ID card; quoting is not supported.
        string[] f = line.Split(',');
        string where = path + " line " + number;
        if (f.Length != Header.Length)
        {
            throw CliException.BadInput(where + " has " + f.Length + " fields, not " + Header.Length, "one person per line: " + string.Join(',', Header));
        }

        try
        {
            Gender gender = f[2].Trim().Length == 0 ? Gender.Unspecified
                : OptionRules.TryParseName(f[2], out Gender g) ? g
                : throw CliException.BadInput("gender '" + Echo.Value(f[2]) + "' is unknown", "female, male or empty");
            return new Row(number, Inputs.ResidentId(f[0].Trim(), "residentId"), Inputs.Name(f[1], "name"), gender, f[3].Trim().Length == 0 ? string.Empty : Inputs.Name(f[3], "employer"),
                Inputs.CardNumber(f[4].Trim(), "cardNumber"), Inputs.Uid(f[5].Trim(), "uid"), Inputs.Pin(f[6].Trim(), "pin"),
                f[7].Trim().Length == 0 ? 0 : Money.ParseYuan(f[7], "balance"));
        }
        catch (CliException e)
        {
            throw CliException.BadInput(where + ": " + e.Message, e.Hint);
        }
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
