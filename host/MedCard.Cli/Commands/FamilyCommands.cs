using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard family bind|unbind|list`: family co-use of a personal account.</summary>
internal static class FamilyCommands
{
    public static Command Build(CliIo io)
    {
        var family = new Command("family", "Let a personal account pay for bound relatives (spouse, parents, children, ...)");
        family.Subcommands.Add(Bind(io));
        family.Subcommands.Add(Unbind(io));
        family.Subcommands.Add(List(io));
        return family;
    }

    private static Command Bind(CliIo io)
    {
        var payer = Opt.Required("--payer", "Resident ID of the account owner who pays");
        var beneficiary = Opt.Required("--beneficiary", "Resident ID of the relative paid for");
        var relation = new Option<Relation>("--relation")
        {
            Description = "The beneficiary is the payer's: spouse, parent, child, sibling, grandparent, grandchild",
            Required = true,
        };
        var command = new Command("bind", "Bind a relative: the payer's account may pay for the beneficiary") { payer, beneficiary, relation };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string payerId = Inputs.ResidentId(parse.GetValue(payer), "--payer");
            string beneficiaryId = Inputs.ResidentId(parse.GetValue(beneficiary), "--beneficiary");
            if (payerId == beneficiaryId)
            {
                throw CliException.BadInput("--payer and --beneficiary are the same person", "a person's own account always pays for them");
            }

            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.BindRelativeAsync(payerId, beneficiaryId, parse.GetValue(relation), ct).ConfigureAwait(false);
            DeskResults.EnsureOk(result, "binding refused");
            await ListAsync(ctx, desk, payerId, "bound", ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Unbind(CliIo io)
    {
        var payer = Opt.Required("--payer", "Resident ID of the account owner");
        var beneficiary = Opt.Required("--beneficiary", "Resident ID of the relative");
        var command = new Command("unbind", "Remove a family binding") { payer, beneficiary };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string payerId = Inputs.ResidentId(parse.GetValue(payer), "--payer");
            string beneficiaryId = Inputs.ResidentId(parse.GetValue(beneficiary), "--beneficiary");
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.UnbindRelativeAsync(payerId, beneficiaryId, ct).ConfigureAwait(false);
            DeskResults.EnsureOk(result, "unbinding refused");
            await ListAsync(ctx, desk, payerId, "unbound", ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command List(CliIo io)
    {
        var payer = Opt.Required("--payer", "Resident ID of the account owner");
        var command = new Command("list", "List the relatives a personal account pays for") { payer };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string payerId = Inputs.ResidentId(parse.GetValue(payer), "--payer");
            await ListAsync(ctx, await ctx.DeskAsync(ct).ConfigureAwait(false), payerId, null, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async System.Threading.Tasks.Task ListAsync(CliContext ctx, CardDesk desk, string payerId, string? action, System.Threading.CancellationToken ct)
    {
        Person payer = await desk.GetPersonAsync(payerId, ct).ConfigureAwait(false)
            ?? throw new RefusedException("no insured person " + Views.Mask(payerId), Refusal.Of(ReasonCode.UnknownPerson));
        List<FamilyBinding> bindings = await desk.GetBindingsAsync(payerId, ct).ConfigureAwait(false);
        var names = new Dictionary<string, string>();
        foreach (FamilyBinding b in bindings)
        {
            names[b.BeneficiaryResidentId] = (await desk.GetPersonAsync(b.BeneficiaryResidentId, ct).ConfigureAwait(false))?.Name ?? "?";
        }

        if (ctx.Json)
        {
            var array = new JsonArray();
            foreach (FamilyBinding b in bindings)
            {
                array.Add(new JsonObject
                {
                    ["beneficiary"] = b.BeneficiaryResidentId,
                    ["name"] = names[b.BeneficiaryResidentId],
                    ["relation"] = b.Relation.ToString().ToLowerInvariant(),
                });
            }

            var json = new JsonObject { ["payer"] = Views.Person(payer), ["bindings"] = array };
            if (action is not null)
            {
                json["action"] = action;
            }

            ctx.WriteJson(json);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(payer.Name + " (" + Views.Mask(payerId) + ", balance " + Money.Format(payer.Balance) + ") pays for"))
            .AddColumn("Relative").AddColumn("Resident ID").AddColumn("Relation");
        foreach (FamilyBinding b in bindings)
        {
            table.AddRow(Markup.Escape(names[b.BeneficiaryResidentId]), Views.Mask(b.BeneficiaryResidentId), b.Relation.ToString().ToLowerInvariant());
        }

        if (action is not null)
        {
            ctx.Say("[green]" + action + "[/]");
        }

        ctx.Console.Write(table);
        if (bindings.Count == 0)
        {
            ctx.Say("No relatives bound.");
        }
    }
}
