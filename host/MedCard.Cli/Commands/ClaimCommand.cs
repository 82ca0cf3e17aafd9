using System;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard card claim`: an outpatient or pharmacy bill the holder paid in full while the card was
/// reported lost is reimbursed (the fund share it would have had) once the replacement card exists.</summary>
internal static class ClaimCommand
{
    public static Command Build(CliIo io)
    {
        var number = Opt.Required("--card", "The lost (and since replaced) card's number");
        var receipt = Opt.Required("--reference", "The receipt number: a claim is paid once per reference", ValueKind.Id);
        var time = Opt.Required("--time", "When the bill was paid, ISO 8601 (e.g. 2026-11-23T10:15:00Z); must fall in the loss period");
        var institution = Opt.Optional("--institution", "Institution id (required unless in the bill file)", ValueKind.Id);
        var visit = Opt.Optional("--visit", "outpatient (default) or pharmacy");
        var items = Opt.Many("--item", "Bill item CODE:AMOUNT[:covered|partly|self[:SELF-PAID%]] (repeat)");
        var amount = Opt.Optional("--amount", "Shortcut for a one-item covered bill, in yuan");
        var bill = Opt.Optional("--bill", "JSON bill file", ValueKind.Path);
        var command = new Command("claim", "Reimburse an outpatient bill paid in cash during the loss period, after the replacement")
        {
            number, receipt, time, institution, visit, items, amount, bill,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            string reference = Inputs.Required(parse.GetValue(receipt), "--reference");
            if (!DateTimeOffset.TryParse(parse.GetValue(time), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset paidAt))
            {
                throw CliException.BadInput("--time '" + Echo.Value(parse.GetValue(time)) + "' is not a date and time", "use ISO 8601, e.g. 2026-11-23T10:15:00Z");
            }

            (var billItems, string? billInstitution, VisitType? billVisit) = BillReader.FromOptions(parse.GetValue(items), parse.GetValue(amount), parse.GetValue(bill));
            string institutionId = parse.GetValue(institution) ?? billInstitution
                ?? throw CliException.BadInput("no institution", "give --institution or put \"institution\" in the bill file");
            VisitType visitType = parse.GetValue(visit) is { } v ? BillReader.Visit(v) : billVisit ?? VisitType.Outpatient;
            SettlementService settlement = await ctx.SettlementAsync(ct).ConfigureAwait(false);
            ClaimResult result = await settlement.ReimburseLossPeriodAsync(
                new LossPeriodClaim(reference, cardNumber, institutionId, visitType, billItems, paidAt.ToUniversalTime()), ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new RefusedException("claim " + reference + " on card " + cardNumber + " refused", result.Refusal!);
            }

            if (ctx.Json)
            {
                var steps = new JsonArray();
                foreach (string step in result.Steps)
                {
                    steps.Add(step);
                }

                ctx.WriteJson(new JsonObject
                {
                    ["card"] = cardNumber,
                    ["reference"] = reference,
                    ["duplicate"] = result.Duplicate,
                    ["reimbursedFen"] = result.Reimbursed,
                    ["explanation"] = steps,
                });
                return;
            }

            ctx.Say((result.Duplicate ? "[yellow]claim " + Markup.Escape(reference) + " was already paid[/]: " : "[green]reimbursed[/] ")
                + Money.Format(result.Reimbursed) + " to the personal account");
            foreach (string step in result.Steps)
            {
                ctx.Say("  - " + Markup.Escape(step));
            }
        });
        return command;
    }
}
