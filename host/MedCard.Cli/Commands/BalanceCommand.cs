using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Cli.Commands;

/// <summary>`medcard balance`: a personal account's balance, by resident ID or by any of the person's cards.</summary>
internal static class BalanceCommand
{
    public static Command Build(CliIo io)
    {
        var id = Opt.Optional("--id", "Resident ID number");
        var number = Opt.Optional("--card", "Card number (old and replacement cards show the same account)");
        var command = new Command("balance", "Show a personal account balance") { id, number };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(id) is null) == (r.GetValue(number) is null))
            {
                r.AddError("Give exactly one of --id or --card.");
            }
        });
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            // Inputs first: a malformed value is bad input whether or not a ledger exists.
            string? cardNumber = parse.GetValue(number) is { } given ? Inputs.CardNumber(given) : null;
            string? givenId = cardNumber is null ? Inputs.ResidentId(parse.GetValue(id)) : null;
            var desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            string residentId;
            if (cardNumber is not null)
            {
                Card card = await desk.GetCardAsync(cardNumber, ct).ConfigureAwait(false)
                    ?? throw new RefusedException("card " + cardNumber + " not found", Refusal.Of(ReasonCode.UnknownCard));
                residentId = card.ResidentId;
            }
            else
            {
                residentId = givenId!;
            }

            Person person = await desk.GetPersonAsync(residentId, ct).ConfigureAwait(false)
                ?? throw new RefusedException("no insured person " + Views.Mask(residentId), Refusal.Of(ReasonCode.UnknownPerson));
            if (ctx.Json)
            {
                ctx.WriteJson(new JsonObject { ["holder"] = Views.Person(person), ["balanceFen"] = person.Balance });
                return;
            }

            ctx.Console.Write(Views.KeyValues("Personal account", [("Holder", person.Name), ("Resident ID", Views.Mask(person.ResidentId)),
                ("Balance", Money.Format(person.Balance))]));
        });
        return command;
    }
}
