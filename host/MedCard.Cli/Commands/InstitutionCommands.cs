using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;
using Spectre.Console;
using Region = MedCard.Settlement.Model.Region;

namespace MedCard.Cli.Commands;

/// <summary>`medcard institution add|list`: hospitals and pharmacies, designated or not.</summary>
internal static class InstitutionCommands
{
    public static Command Build(CliIo io)
    {
        var institution = new Command("institution", "Register hospitals and pharmacies (designated or not)");
        institution.Subcommands.Add(Add(io));
        institution.Subcommands.Add(List(io));
        return institution;
    }

    private static Command Add(CliIo io)
    {
        var id = Opt.Required("--id", "Institution id (as the hospital system sends it)", ValueKind.Id);
        var name = Opt.Required("--name", "Display name", ValueKind.Name);
        var notDesignated = new Option<bool>("--not-designated") { Description = "Not a designated institution: only emergency care settles there" };
        var region = Opt.Optional("--region", "Code of the region the institution is in (default: the home region); see 'medcard region list'", ValueKind.Id);
        var command = new Command("add", "Register or update an institution") { id, name, notDesignated, region };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            var institution = new Institution(Inputs.Required(parse.GetValue(id), "--id"), Inputs.Required(parse.GetValue(name), "--name"),
                !parse.GetValue(notDesignated));
            var desk = await ctx.DeskAsync(ct, StoreAccess.CreateIfMissing).ConfigureAwait(false);
            if (parse.GetValue(region) is { } regionCode)
            {
                DeskResults.EnsureOk(await desk.RegisterInstitutionInRegionAsync(institution, regionCode.Trim(), ct).ConfigureAwait(false),
                    "institution " + institution.InstitutionId + " refused");
            }
            else
            {
                await desk.RegisterInstitutionAsync(institution, ct).ConfigureAwait(false);
            }

            await ListAsync(ctx, ct, "registered " + institution.InstitutionId).ConfigureAwait(false);
        });
        return command;
    }

    private static Command List(CliIo io)
    {
        var command = new Command("list", "List registered institutions");
        CommandActions.Set(command, io, (ctx, parse, ct) => ListAsync(ctx, ct, null));
        return command;
    }

    private static async System.Threading.Tasks.Task ListAsync(CliContext ctx, System.Threading.CancellationToken ct, string? action)
    {
        ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
        List<(Institution Institution, string Region)> all = await store.InTransactionAsync(async (s, _) =>
        {
            var rows = new List<(Institution, string)>();
            foreach (Institution i in await s.ListInstitutionsAsync().ConfigureAwait(false))
            {
                rows.Add((i, await s.GetInstitutionRegionAsync(i.InstitutionId).ConfigureAwait(false) ?? Region.HomeCode));
            }

            return rows;
        }, ct).ConfigureAwait(false);
        if (ctx.Json)
        {
            var array = new JsonArray();
            foreach ((Institution i, string r) in all)
            {
                array.Add(new JsonObject { ["id"] = i.InstitutionId, ["name"] = i.Name, ["designated"] = i.Designated, ["region"] = r });
            }

            var json = new JsonObject { ["institutions"] = array };
            if (action is not null)
            {
                json["action"] = action;
            }

            ctx.WriteJson(json);
            return;
        }

        if (action is not null)
        {
            ctx.Say("[green]" + Markup.Escape(action) + "[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Institutions").AddColumn("Id").AddColumn("Name").AddColumn("Designated")
            .AddColumn("Region");
        foreach ((Institution i, string r) in all)
        {
            table.AddRow(Markup.Escape(i.InstitutionId), Markup.Escape(i.Name), i.Designated ? "yes" : "no (emergency only)", Markup.Escape(r));
        }

        ctx.Console.Write(table);
    }
}
