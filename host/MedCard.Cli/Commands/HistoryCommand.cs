using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Statements;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard records history`: every transaction of the card's holder (credits, spends, refunds,
/// reimbursements), printed or not: printing a statement clears the 60-record count, never the history.</summary>
internal static class HistoryCommand
{
    public static Command Build(CliIo io)
    {
        var number = Opt.Required("--card", "Card number (the holder's other cards are included)");
        var from = Opt.Optional("--from", "From this day (yyyy-MM-dd, the scheme's local day) or time (ISO 8601)");
        var to = Opt.Optional("--to", "Through this day (yyyy-MM-dd, inclusive) or up to this time (ISO 8601)");
        var command = new Command("history", "List every transaction of the card's holder: credits, spends, refunds, reimbursements")
        {
            number, from, to,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            TimeSpan offset = ctx.LedgerOptions.SchemeUtcOffset;
            DateTimeOffset? start = Bound(parse.GetValue(from), "--from", offset, endOfDay: false);
            DateTimeOffset? end = Bound(parse.GetValue(to), "--to", offset, endOfDay: true);
            if (start is { } s && end is { } e && e <= s)
            {
                throw CliException.BadInput("--to is not after --from", "give a --to on or after the --from day");
            }

            var desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            List<HistoryLine> lines = await desk.GetHistoryAsync(cardNumber, start, end, ct).ConfigureAwait(false)
                ?? throw new RefusedException("card " + cardNumber + " not found", Refusal.Of(ReasonCode.UnknownCard));
            offset = ctx.LedgerOptions.SchemeUtcOffset;
            if (ctx.Json)
            {
                var array = new JsonArray();
                foreach (HistoryLine l in lines)
                {
                    array.Add(new JsonObject
                    {
                        ["time"] = l.Time.ToOffset(offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                        ["kind"] = Kind(l.Kind),
                        ["card"] = l.CardNumber,
                        ["institution"] = l.InstitutionId,
                        ["institutionName"] = l.InstitutionName,
                        ["reader"] = l.ReaderId,
                        ["counter"] = l.Counter,
                        ["totalFen"] = l.Total,
                        ["fundFen"] = l.Fund,
                        ["personalFen"] = l.Personal,
                        ["cashFen"] = l.Cash,
                        ["accountChangeFen"] = l.AccountChange,
                        ["reference"] = l.Reference,
                        ["statementId"] = l.StatementId,
                    });
                }

                ctx.WriteJson(new JsonObject { ["card"] = cardNumber, ["transactions"] = lines.Count, ["history"] = array });
                return;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape("Card " + cardNumber + ": " + StatementFormatting.Count(lines.Count, "transaction") + ", times "
                    + StatementFormatting.ZoneName(offset)))
                .AddColumn("Time").AddColumn("Kind").AddColumn("Institution").AddColumn("Reader/counter")
                .AddColumn(new TableColumn("Total").RightAligned()).AddColumn(new TableColumn("Fund").RightAligned())
                .AddColumn(new TableColumn("Account").RightAligned()).AddColumn(new TableColumn("Cash").RightAligned());
            foreach (HistoryLine l in lines)
            {
                table.AddRow(l.Time.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Kind(l.Kind),
                    Markup.Escape(l.InstitutionName ?? l.InstitutionId ?? string.Empty),
                    l.ReaderId is uint r ? r + "/" + l.Counter : string.Empty, Money.Format(l.Total), Money.Format(l.Fund),
                    (l.AccountChange > 0 ? "+" : string.Empty) + Money.Format(l.AccountChange), Money.Format(l.Cash));
            }

            ctx.Console.Write(table);
        });
        return command;
    }

    private static string Kind(HistoryKind kind) => kind switch
    {
        HistoryKind.Contribution => "contribution",
        HistoryKind.AccountCredit => "credit",
        HistoryKind.Spend => "spend",
        HistoryKind.Refund => "refund",
        _ => "reimbursement",
    };

    /// <summary>A day (the scheme's local midnight; the next one for the end of a --to day) or an ISO 8601 time.</summary>
    private static DateTimeOffset? Bound(string? text, string option, TimeSpan offset, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), offset);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return time;
        }

        throw CliException.BadInput(option + " '" + Echo.Value(text) + "' is not a day or a time", "yyyy-MM-dd or ISO 8601, e.g. 2026-11-23T10:15:00+08:00");
    }
}
