using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Demo;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard demo`: a whole clinic day with no hardware, on a fresh SQLite file (a temp folder, or
/// the --store given). Exits 0 only when every rule behaved as it must.</summary>
internal static class DemoCommand
{
    public static Command Build(CliIo io)
    {
        var output = Opt.Optional("--output", "Folder for the printed statement (default: next to the store)");
        var command = new Command("demo", "Run a clinic day with no hardware: enrolment, visits, pharmacy, emergency, wrong PIN, lost card, "
            + "relative paying, 60 records and printing") { output };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            bool storeGiven = parse.GetResult(GlobalOptions.Store) is { Implicit: false };
            string spec = storeGiven ? ctx.StoreSpec : Path.Combine(Path.GetTempPath(), "medcard-demo-" + Guid.NewGuid().ToString("N")[..8], "demo.db");
            string folder = parse.GetValue(output)
                ?? (StoreConnector.IsPostgres(spec) ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(spec))!);
            if (!StoreConnector.IsPostgres(spec))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(spec))!);
            }

            await using ILedgerStore store = await StoreConnector.OpenAsync(spec, ct).ConfigureAwait(false);
            ctx.Say("[bold]MedCard demo[/]: a clinic day on " + Markup.Escape(StoreConnector.Describe(spec)) + ", no hardware (simulated readers through the checkout library).");
            ClinicDay day;
            if (ctx.ShowProgress)
            {
                day = await RunWithProgressAsync(ctx, store, spec, folder, ct).ConfigureAwait(false);
            }
            else
            {
                day = new ClinicDay(store, spec, folder, new QuietDemoProgress(ctx.Json ? null : ctx.Console));
                await day.RunAsync(ct).ConfigureAwait(false);
            }

            Report(ctx, day, spec, folder);
        });
        return command;
    }

    private static async Task<ClinicDay> RunWithProgressAsync(CliContext ctx, ILedgerStore store, string spec, string folder, CancellationToken ct)
    {
        ClinicDay? day = null;
        await ctx.Console.Progress().AutoClear(false).HideCompleted(false).StartAsync(async p =>
        {
            var progress = new SpectreDemoProgress(ctx.Console, p);
            day = new ClinicDay(store, spec, folder, progress);
            await day.RunAsync(ct).ConfigureAwait(false);
            progress.Complete();
        }).ConfigureAwait(false);
        return day!;
    }

    private static void Report(CliContext ctx, ClinicDay day, string spec, string folder)
    {
        if (ctx.Json)
        {
            var balances = new JsonArray();
            foreach (Person p in day.Balances)
            {
                balances.Add(Views.Person(p));
            }

            ctx.WriteJson(new JsonObject
            {
                ["store"] = StoreConnector.Describe(spec),
                ["outputFolder"] = folder,
                ["statementPdf"] = day.StatementPdf,
                ["checks"] = day.Log.Count,
                ["steps"] = day.Log.Steps.DeepClone(),
                ["balances"] = balances,
                ["audit"] = new JsonObject
                {
                    ["ok"] = day.Audit!.Ok,
                    ["entries"] = day.Audit.EntryCount,
                    ["postingTotalFen"] = day.Audit.PostingTotal,
                },
            });
            return;
        }

        ctx.Say("[green bold]Demo finished:[/] " + day.Log.Count + " steps, every rule behaved as expected.");
        ctx.Say("Statement PDF: " + Markup.Escape(day.StatementPdf ?? "-"));
        ctx.Say("Look around: [bold]medcard --store " + Markup.Escape(spec) + " card show --card " + ClinicDay.LiNa.Card + "[/]");
    }
}
