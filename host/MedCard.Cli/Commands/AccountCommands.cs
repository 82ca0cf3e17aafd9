using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Credits;

namespace MedCard.Cli.Commands;

/// <summary>`medcard account credit`: the scheme's month-end credit of personal accounts from a CSV file
/// (<c>residentId,amount</c>, amount in yuan). All or nothing: any bad line (listed with its number and reason) and
/// nothing is credited, exit 2. Running the same month's file again credits nobody twice.</summary>
internal static class AccountCommands
{
    /// <summary>Bad lines echoed one per line on stderr; the rest are counted (all of them are in the --json document).</summary>
    private const int ListedErrors = 20;

    public static Command Build(CliIo io)
    {
        var account = new Command("account", "Personal accounts: the month-end credit run");
        account.Subcommands.Add(Credit(io));
        return account;
    }

    private static Command Credit(CliIo io)
    {
        var month = Opt.Required("--month", "The month credited, yyyy-MM (each person at most once per month)");
        var file = Opt.Required("--file", "CSV file: residentId,amount (header line first; amount in yuan)", ValueKind.Path);
        var command = new Command("credit", "Credit personal accounts for a month from a CSV file, all lines or none") { month, file };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            if (!CreditMonth.TryParse(parse.GetValue(month), out CreditMonth creditMonth))
            {
                throw CliException.BadInput("--month '" + Echo.Value(parse.GetValue(month) ?? string.Empty) + "' is not a month", "yyyy-MM, e.g. 2026-11");
            }

            string path = parse.GetValue(file)!;
            AccountCreditFile credits;
            try
            {
                credits = AccountCreditFile.Read(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw CliException.BadInput("credit file " + path + " does not exist", "check the --file path");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Io("credit file " + path + " cannot be read: " + e.Message);
            }

            // A malformed file is refused before the ledger is even opened.
            if (credits.Errors.Count > 0)
            {
                throw BadLines(ctx, path, creditMonth, credits.Errors);
            }

            CreditRunResult result = await new AccountCreditRun(await ctx.StoreAsync(ct).ConfigureAwait(false), ctx.LedgerOptions)
                .RunFileAsync(creditMonth, credits, ct).ConfigureAwait(false);
            Report(ctx, path, result);
        });
        return command;
    }

    /// <summary>The error for a file with bad lines; each line is listed on stderr (the first 20) and in the --json document.</summary>
    private static CliException BadLines(CliContext ctx, string path, CreditMonth month, IReadOnlyList<CreditLineError> errors)
    {
        var error = CliException.BadInput(path + ": " + errors.Count + (errors.Count == 1 ? " bad line" : " bad lines")
            + "; nothing credited (first: " + errors[0] + ")", "fix or remove those lines and run the whole file again");
        var list = new JsonArray();
        for (int i = 0; i < errors.Count; i++)
        {
            CreditLineError e = errors[i];
            list.Add(new JsonObject { ["line"] = e.Line, ["reason"] = e.Reason });
            if (!ctx.Json && i < ListedErrors)
            {
                ctx.Io.Error.WriteLine("medcard: " + path + " " + e);
            }
        }

        if (!ctx.Json && errors.Count > ListedErrors)
        {
            ctx.Io.Error.WriteLine("medcard: ... and " + (errors.Count - ListedErrors) + " more (all with --json)");
        }

        error.Details["month"] = month.ToString();
        error.Details["errors"] = list;
        return error;
    }

    private static void Report(CliContext ctx, string path, CreditRunResult result)
    {
        if (!result.Succeeded)
        {
            throw BadLines(ctx, path, result.Month, result.Errors);
        }

        if (ctx.Json)
        {
            ctx.WriteJson(new JsonObject
            {
                ["month"] = result.Month.ToString(),
                ["lines"] = result.Lines,
                ["credited"] = result.Credited,
                ["alreadyCredited"] = result.AlreadyCredited,
                ["creditedFen"] = result.CreditedFen,
            });
            return;
        }

        ctx.Say("[green]credited " + result.Credited + (result.Credited == 1 ? " account" : " accounts") + " for " + result.Month + ", "
            + Money.Format(result.CreditedFen) + "[/]" + (result.AlreadyCredited > 0 ? "; " + result.AlreadyCredited + " already credited for this month" : string.Empty));
    }
}
