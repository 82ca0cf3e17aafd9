using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Services;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard refund`: reverses a whole settlement, named by the reader id and counter of its record.</summary>
internal static class RefundCommand
{
    public static Command Build(CliIo io)
    {
        var reader = new Option<uint>("--reader") { Description = "Reader id of the settled record", Required = true };
        var counter = new Option<uint>("--counter") { Description = "Counter of the settled record", Required = true };
        var command = new Command("refund", "Refund (reverse) a settlement: balances and year-to-date totals are restored") { reader, counter };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            uint readerId = parse.GetValue(reader);
            uint counterValue = parse.GetValue(counter);
            var settlement = await ctx.SettlementAsync(ct).ConfigureAwait(false);
            RefundResult result = await settlement.RefundAsync(readerId, counterValue, ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new RefusedException("refund of " + readerId + "/" + counterValue + " refused", result.Refusal!);
            }

            if (ctx.Json)
            {
                var postings = new JsonArray();
                foreach (Posting p in result.Postings)
                {
                    postings.Add(new JsonObject { ["account"] = p.Account, ["amountFen"] = p.Amount });
                }

                ctx.WriteJson(new JsonObject
                {
                    ["reader"] = readerId,
                    ["counter"] = counterValue,
                    ["alreadyRefunded"] = result.AlreadyRefunded,
                    ["postings"] = postings,
                });
                return;
            }

            ctx.Say(result.AlreadyRefunded
                ? "[yellow]" + readerId + "/" + counterValue + " was already refunded; nothing changed[/]"
                : "[green]refunded " + readerId + "/" + counterValue + "[/]");
            var table = new Table().Border(TableBorder.Rounded).Title("Reversing postings").AddColumn("Account")
                .AddColumn(new TableColumn("Amount").RightAligned());
            foreach (Posting p in result.Postings)
            {
                table.AddRow(Markup.Escape(p.Account.StartsWith("personal:", System.StringComparison.Ordinal)
                    ? "personal:" + Views.Mask(p.Account["personal:".Length..]) : p.Account), Money.Format(p.Amount));
            }

            ctx.Console.Write(table);
        });
        return command;
    }
}
