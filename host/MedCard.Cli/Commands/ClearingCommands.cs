using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Services;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard clearing report`: what the regional funds owe each other for remote settlements in a period.</summary>
internal static class ClearingCommands
{
    public static Command Build(CliIo io)
    {
        var clearing = new Command("clearing", "Inter-region clearing of remote (cross-region) settlements");
        clearing.Subcommands.Add(Report(io));
        return clearing;
    }

    private static Command Report(CliIo io)
    {
        var from = Opt.Required("--from", "First day of the period, yyyy-MM-dd (scheme calendar)");
        var to = Opt.Required("--to", "Last day of the period (inclusive), yyyy-MM-dd");
        var command = new Command("report", "Per pair of regions: the amount the insured region's fund owes the fund that paid, and how many settlements")
        {
            from, to,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            DateOnly first = Inputs.Day(parse.GetValue(from), "--from");
            DateOnly last = Inputs.Day(parse.GetValue(to), "--to");
            if (last < first)
            {
                throw CliException.BadInput("--to " + Inputs.DayText(last) + " is before --from " + Inputs.DayText(first), "give a period that ends on or after its first day");
            }

            SettlementService settlement = await ctx.SettlementAsync(ct).ConfigureAwait(false);
            ClearingReport report = await settlement.GetClearingReportAsync(first, last, ct).ConfigureAwait(false);
            long total = report.Lines.Sum(l => l.Amount);
            if (ctx.Json)
            {
                var lines = new JsonArray();
                foreach (ClearingLine l in report.Lines)
                {
                    lines.Add(new JsonObject
                    {
                        ["paidBy"] = l.PaidByRegion,
                        ["owedBy"] = l.OwedByRegion,
                        ["amountFen"] = l.Amount,
                        ["settlements"] = l.Settlements,
                        ["refunds"] = l.Refunds,
                    });
                }

                ctx.WriteJson(new JsonObject
                {
                    ["from"] = Inputs.DayText(first),
                    ["to"] = Inputs.DayText(last),
                    ["lines"] = lines,
                    ["totalFen"] = total,
                });
                return;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .Title("Clearing " + Inputs.DayText(first) + " to " + Inputs.DayText(last))
                .AddColumn("Paid by (treatment region)").AddColumn("Owed by (insured region)")
                .AddColumn(new TableColumn("Settlements").RightAligned()).AddColumn(new TableColumn("Refunds").RightAligned())
                .AddColumn(new TableColumn("Amount owed").RightAligned());
            foreach (ClearingLine l in report.Lines)
            {
                table.AddRow(Markup.Escape(l.PaidByRegion), Markup.Escape(l.OwedByRegion), l.Settlements.ToString(CultureInfo.InvariantCulture),
                    l.Refunds.ToString(CultureInfo.InvariantCulture), Money.Format(l.Amount));
            }

            if (report.Lines.Count == 0)
            {
                table.AddRow("-", "-", "0", "0", Money.Format(0));
            }

            ctx.Console.Write(table);
            ctx.Say("Total owed between regions: " + Money.Format(total));
        });
        return command;
    }
}
