using System;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Commands;

/// <summary>`medcard card enroll|show|report-loss|cancel-loss|replace`: the service desk's card operations.</summary>
internal static class CardCommands
{
    public static Command Build(CliIo io)
    {
        var card = new Command("card", "Enrol insured persons and manage their cards (loss, replacement)");
        card.Subcommands.Add(Enroll(io));
        card.Subcommands.Add(Show(io));
        card.Subcommands.Add(ReportLoss(io));
        card.Subcommands.Add(CancelLoss(io));
        card.Subcommands.Add(Replace(io));
        card.Subcommands.Add(ClaimCommand.Build(io));
        card.Subcommands.Add(ImportCommand.Build(io));
        return card;
    }

    private static Command Enroll(CliIo io)
    {
        var id = Opt.Required("--id", "Resident ID number (18 characters)");
        var name = Opt.Required("--name", "Holder's name as on the ID card", ValueKind.Name);
        var gender = new Option<Gender>("--gender") { Description = "female, male, unspecified or unknown", DefaultValueFactory = _ => Gender.Unspecified };
        var employer = Opt.Tag(new Option<string>("--employer") { Description = "Employer (used to confirm written loss reports)", DefaultValueFactory = _ => string.Empty }, ValueKind.Name);
        var number = Opt.Required("--card", "Card number printed on the card (A-Z, 0-9)");
        var uid = Opt.Required("--uid", "Card UID in hex (4, 7 or 10 bytes)");
        var pin = Opt.Required("--pin", "Initial PIN, 4 to 12 digits", ValueKind.Secret);
        var balance = new Option<string>("--balance") { Description = "Opening personal-account balance in yuan", DefaultValueFactory = _ => "0" };
        var region = Opt.Optional("--region", "Code of the region where the person is insured (default: the home region)", ValueKind.Id);
        var command = new Command("enroll", "Enrol an insured person with their first card and PIN") { id, name, gender, employer, number, uid, pin, balance, region };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            byte[] cardUid = Inputs.Uid(parse.GetValue(uid));
            long opening = Money.ParseYuan(parse.GetValue(balance), "--balance");
            using PinDigits digits = Inputs.Pin(parse.GetValue(pin));
            CardDesk desk = await ctx.DeskAsync(ct, StoreAccess.CreateIfMissing).ConfigureAwait(false);
            DeskResult result = await desk.EnrolAsync(new Enrolment(residentId, Inputs.Required(parse.GetValue(name), "--name"), parse.GetValue(gender),
                parse.GetValue(employer) ?? string.Empty, cardNumber, cardUid, digits, opening) { InsuredRegion = parse.GetValue(region)?.Trim() }, ct)
                .ConfigureAwait(false);
            DeskResults.EnsureOk(result, "enrolment of " + cardNumber + " refused");
            await ShowCardAsync(ctx, desk, cardNumber, "enrolled", ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Show(CliIo io)
    {
        var number = Opt.Required("--card", "Card number");
        var command = new Command("show", "Show a card, its holder, balance, PIN tries and unprinted records") { number };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            await ShowCardAsync(ctx, await ctx.DeskAsync(ct).ConfigureAwait(false), cardNumber, null, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command ReportLoss(CliIo io)
    {
        var number = Opt.Required("--card", "Card number");
        var name = Opt.Required("--name", "Holder's name (must match)", ValueKind.Name);
        var id = Opt.Required("--id", "Holder's resident ID number (must match)");
        var channel = new Option<LossChannel>("--channel") { Description = "phone (24 h line) or written (service desk)", DefaultValueFactory = _ => LossChannel.Phone };
        var command = new Command("report-loss", "Report a card lost: settlement on it stops at once (emergency care still settles)") { number, name, id, channel };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.ReportLossAsync(new LossReport(cardNumber, Inputs.Required(parse.GetValue(name), "--name"),
                Inputs.ResidentId(parse.GetValue(id)), parse.GetValue(channel), DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
            DeskResults.EnsureOk(result, "loss report for " + cardNumber + " refused");
            await ShowCardAsync(ctx, desk, cardNumber, "reported lost", ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CancelLoss(CliIo io)
    {
        var number = Opt.Required("--card", "Card number");
        var id = Opt.Required("--id", "Holder's resident ID number (must match)");
        var command = new Command("cancel-loss", "The card was found: cancel the loss report and resume settlement") { number, id };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.CancelLossReportAsync(cardNumber, Inputs.ResidentId(parse.GetValue(id)), ct).ConfigureAwait(false);
            DeskResults.EnsureOk(result, "cancelling the loss report of " + cardNumber + " refused");
            await ShowCardAsync(ctx, desk, cardNumber, "loss report cancelled", ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Replace(CliIo io)
    {
        var number = Opt.Required("--card", "The old (lost or damaged) card's number");
        var id = Opt.Required("--id", "Holder's resident ID number (must match)");
        var newNumber = Opt.Required("--new-card", "The replacement card's number");
        var newUid = Opt.Required("--new-uid", "The replacement card's UID in hex");
        var pin = Opt.Required("--pin", "PIN for the new card, 4 to 12 digits", ValueKind.Secret);
        var command = new Command("replace", "Issue a replacement card: balance and unprinted records carry over, the old card never works again")
        {
            number, id, newNumber, newUid, pin,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string oldNumber = Inputs.CardNumber(parse.GetValue(number));
            string replacement = Inputs.CardNumber(parse.GetValue(newNumber), "--new-card");
            byte[] uid = Inputs.Uid(parse.GetValue(newUid), "--new-uid");
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            using PinDigits digits = Inputs.Pin(parse.GetValue(pin));
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.ReplaceCardAsync(new CardReplacement(oldNumber, residentId, replacement, uid, digits, DateTimeOffset.UtcNow), ct)
                .ConfigureAwait(false);
            DeskResults.EnsureOk(result, "replacement of " + oldNumber + " refused");
            await ShowCardAsync(ctx, desk, replacement, "replacement issued for " + oldNumber, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Prints a card with its holder (table, or JSON with "card" and "holder").</summary>
    internal static async Task ShowCardAsync(CliContext ctx, CardDesk desk, string cardNumber, string? action, CancellationToken ct)
    {
        Card card = await desk.GetCardAsync(cardNumber, ct).ConfigureAwait(false)
            ?? throw new RefusedException("card " + cardNumber + " not found", Refusal.Of(ReasonCode.UnknownCard));
        Person? person = await desk.GetPersonAsync(card.ResidentId, ct).ConfigureAwait(false);
        if (ctx.Json)
        {
            var json = new JsonObject { ["card"] = Views.Card(card), ["holder"] = person is null ? null : Views.Person(person) };
            if (action is not null)
            {
                json["action"] = action;
            }

            ctx.WriteJson(json);
            return;
        }

        if (action is not null)
        {
            ctx.Say("[green]" + Spectre.Console.Markup.Escape(cardNumber + ": " + action) + "[/]");
        }

        ctx.Console.Write(Views.CardTable(card, person));
    }
}
