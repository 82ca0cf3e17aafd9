using System;
using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard policy show|set`: deductible, co-payment ratio and fund cap per visit type.</summary>
internal static class PolicyCommands
{
    public static Command Build(CliIo io)
    {
        var policy = new Command("policy", "Show or set the scheme's policy per visit type");
        policy.Subcommands.Add(Show(io));
        policy.Subcommands.Add(Set(io));
        return policy;
    }

    private static Command Show(CliIo io)
    {
        var command = new Command("show", "Show the policy of every visit type");
        CommandActions.Set(command, io, (ctx, parse, ct) => ShowAsync(ctx, ct, null));
        return command;
    }

    private static Command Set(CliIo io)
    {
        var visit = new Option<VisitType>("--visit") { Description = "outpatient, inpatient, pharmacy or emergency", Required = true };
        var deductible = Opt.Required("--deductible", "Yearly deductible in yuan");
        var copay = Opt.Required("--copay", "Holder's co-payment above the deductible, percent (e.g. 30 or 12.5%)");
        var cap = Opt.Required("--cap", "Yearly pooled-fund cap in yuan");
        var command = new Command("set", "Set the policy of one visit type") { visit, deductible, copay, cap };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            VisitPolicy policy = Inputs.Policy(parse.GetValue(deductible), parse.GetValue(copay), parse.GetValue(cap));
            VisitType type = parse.GetValue(visit);
            var desk = await ctx.DeskAsync(ct, StoreAccess.CreateIfMissing).ConfigureAwait(false);
            await desk.SetPolicyAsync(type, policy, ct).ConfigureAwait(false);
            await ShowAsync(ctx, ct, "set " + Views.Visit(type)).ConfigureAwait(false);
        });
        return command;
    }

    private static async System.Threading.Tasks.Task ShowAsync(CliContext ctx, System.Threading.CancellationToken ct, string? action)
    {
        ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
        var json = new JsonObject();
        var table = new Table().Border(TableBorder.Rounded).Title("Policies").AddColumn("Visit")
            .AddColumn(new TableColumn("Yearly deductible").RightAligned()).AddColumn(new TableColumn("Co-payment").RightAligned())
            .AddColumn(new TableColumn("Yearly fund cap").RightAligned());
        foreach (VisitType type in Enum.GetValues<VisitType>())
        {
            VisitPolicy? p = await store.InTransactionAsync((s, _) => s.GetPolicyAsync(type), ct).ConfigureAwait(false);
            json[Views.Visit(type)] = Views.Policy(p);
            table.AddRow([Views.Visit(type), .. Views.PolicyCells(p)]);
        }

        if (ctx.Json)
        {
            var doc = new JsonObject { ["policies"] = json };
            if (action is not null)
            {
                doc["action"] = action;
            }

            ctx.WriteJson(doc);
            return;
        }

        if (action is not null)
        {
            ctx.Say("[green]" + Markup.Escape(action) + "[/]");
        }

        ctx.Console.Write(table);
    }
}
