using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Spectre.Console;
using Region = MedCard.Settlement.Model.Region;

namespace MedCard.Cli.Commands;

/// <summary>`medcard region add|list`: the scheme's regions and the policies for the persons insured in each.</summary>
internal static class RegionCommands
{
    public static Command Build(CliIo io)
    {
        var region = new Command("region", "Register regions and their policies (remote settlement uses the insured region's policy)");
        region.Subcommands.Add(Add(io));
        region.Subcommands.Add(List(io));
        return region;
    }

    private static Command Add(CliIo io)
    {
        var code = Opt.Required("--code", "Region code, e.g. the administrative division code 310000 ('home' is the home region)", ValueKind.Id);
        var name = Opt.Required("--name", "Display name", ValueKind.Name);
        var visit = new Option<VisitType>("--visit") { Description = "With --deductible, --copay and --cap: the visit type whose policy to set" };
        var deductible = Opt.Optional("--deductible", "Yearly deductible in yuan, for the persons insured in this region");
        var copay = Opt.Optional("--copay", "Holder's co-payment above the deductible, percent (e.g. 30 or 12.5%)");
        var cap = Opt.Optional("--cap", "Yearly pooled-fund cap in yuan");
        var command = new Command("add", "Register or rename a region, optionally setting the policy of one visit type for its insured")
        {
            code, name, visit, deductible, copay, cap,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string regionCode = Inputs.Required(parse.GetValue(code), "--code");
            string regionName = Inputs.Name(parse.GetValue(name), "--name");
            (VisitType Type, VisitPolicy Policy)? policy = PolicyOf(parse.GetResult(visit) is null ? null : parse.GetValue(visit), parse.GetValue(deductible), parse.GetValue(copay),
                parse.GetValue(cap));
            CardDesk desk = await ctx.DeskAsync(ct, StoreAccess.CreateIfMissing).ConfigureAwait(false);
            DeskResults.EnsureOk(await desk.AddRegionAsync(new Region(regionCode, regionName), ct).ConfigureAwait(false),
                "region " + regionCode + " refused");
            if (policy is { } p)
            {
                DeskResults.EnsureOk(await desk.SetRegionPolicyAsync(regionCode, p.Type, p.Policy, ct).ConfigureAwait(false),
                    "policy of region " + regionCode + " refused");
            }

            await ListAsync(ctx, ct, "registered " + regionCode + (policy is { } set ? ", " + Views.Visit(set.Type) + " policy set" : string.Empty))
                .ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A policy needs all of --visit, --deductible, --copay and --cap; none of them leaves the policies as they are.</summary>
    private static (VisitType, VisitPolicy)? PolicyOf(VisitType? visit, string? deductible, string? copay, string? cap)
    {
        int given = (visit is null ? 0 : 1) + (deductible is null ? 0 : 1) + (copay is null ? 0 : 1) + (cap is null ? 0 : 1);
        if (given == 0)
        {
            return null;
        }

        if (given != 4)
        {
            throw CliException.BadInput("a region policy needs all of --visit, --deductible, --copay and --cap", "give all four, or none to only name the region");
        }

        return (visit!.Value, Inputs.Policy(deductible, copay, cap));
    }

    private static Command List(CliIo io)
    {
        var command = new Command("list", "List the regions and the policies of their insured");
        CommandActions.Set(command, io, (ctx, parse, ct) => ListAsync(ctx, ct, null));
        return command;
    }

    private static async Task ListAsync(CliContext ctx, CancellationToken ct, string? action)
    {
        ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
        List<(Region Region, Dictionary<VisitType, VisitPolicy?> Policies)> all = await store.InTransactionAsync(async (s, _) =>
        {
            var rows = new List<(Region, Dictionary<VisitType, VisitPolicy?>)>();
            foreach (Region region in await s.ListRegionsAsync().ConfigureAwait(false))
            {
                var policies = new Dictionary<VisitType, VisitPolicy?>();
                foreach (VisitType type in Enum.GetValues<VisitType>())
                {
                    policies[type] = await s.GetRegionPolicyAsync(region.Code, type).ConfigureAwait(false);
                }

                rows.Add((region, policies));
            }

            return rows;
        }, ct).ConfigureAwait(false);

        if (ctx.Json)
        {
            var array = new JsonArray();
            foreach ((Region region, Dictionary<VisitType, VisitPolicy?> policies) in all)
            {
                var json = new JsonObject();
                foreach ((VisitType type, VisitPolicy? p) in policies)
                {
                    json[Views.Visit(type)] = Views.Policy(p);
                }

                array.Add(new JsonObject { ["code"] = region.Code, ["name"] = region.Name, ["home"] = region.IsHome, ["policies"] = json });
            }

            var doc = new JsonObject { ["regions"] = array };
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

        var table = new Table().Border(TableBorder.Rounded).Title("Regions").AddColumn("Code").AddColumn("Name").AddColumn("Visit")
            .AddColumn(new TableColumn("Yearly deductible").RightAligned()).AddColumn(new TableColumn("Co-payment").RightAligned())
            .AddColumn(new TableColumn("Yearly fund cap").RightAligned());
        foreach ((Region region, Dictionary<VisitType, VisitPolicy?> policies) in all)
        {
            bool first = true;
            foreach ((VisitType type, VisitPolicy? p) in policies)
            {
                string codeCell = first ? Markup.Escape(region.Code) : string.Empty;
                string nameCell = first ? Markup.Escape(region.Name) : string.Empty;
                first = false;
                table.AddRow([codeCell, nameCell, Views.Visit(type), .. Views.PolicyCells(p)]);
            }
        }

        ctx.Console.Write(table);
    }
}
