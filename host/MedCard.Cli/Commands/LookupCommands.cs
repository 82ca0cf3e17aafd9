using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard card lookup` and `medcard card lookup-password change|reset`: the holder learns their card number from their
/// resident ID and the lookup password (default: the birth date in the ID, yyyyMMdd). Passwords are taken as options and
/// turned into digit values at once; they are never printed, logged or put into an error message. Only the card number and
/// its status are shown.
/// </summary>
internal static class LookupCommands
{
    public static Command Lookup(CliIo io)
    {
        var id = Opt.Required("--id", "Holder's resident ID number");
        var password = Opt.Required("--password", "Lookup password, 4 to 12 digits (default: the birth date in the ID, yyyyMMdd)", ValueKind.Secret);
        var command = new Command("lookup", "Find your card number with your resident ID and lookup password (wrong passwords are limited like PIN tries)")
        {
            id, password,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            using PinDigits digits = Inputs.Pin(parse.GetValue(password), "--password");
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            CardLookup found = await desk.LookupCardNumberAsync(residentId, digits, ct).ConfigureAwait(false);
            if (found.Refusal is { } refusal)
            {
                throw new RefusedException("card-number lookup refused", refusal, refusal.Code == ReasonCode.LookupBlocked
                    ? "reset it at a service desk with your ID: medcard card lookup-password reset --id <resident id>"
                    : null);
            }

            if (ctx.Json)
            {
                ctx.WriteJson(new JsonObject { ["cardNumber"] = found.CardNumber, ["status"] = Views.Status(found.Status!.Value) });
                return;
            }

            ctx.Say("card " + found.CardNumber + " (" + Views.Status(found.Status!.Value) + ")");
        });
        return command;
    }

    public static Command Password(CliIo io) =>
        new("lookup-password", "Change the card-number lookup password, or reset it to the default at a service desk") { Change(io), Reset(io) };

    private static Command Change(CliIo io)
    {
        var id = Opt.Required("--id", "Holder's resident ID number");
        var password = Opt.Required("--password", "Current lookup password (a wrong one spends a try)", ValueKind.Secret);
        var newPassword = Opt.Required("--new-password", "New lookup password, 4 to 12 digits", ValueKind.Secret);
        var command = new Command("change", "Change the lookup password (the holder knows the current one)") { id, password, newPassword };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            using PinDigits current = Inputs.Pin(parse.GetValue(password), "--password");
            using PinDigits fresh = Inputs.Pin(parse.GetValue(newPassword), "--new-password");
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResults.EnsureOk(await desk.ChangeLookupPasswordAsync(residentId, current, fresh, ct).ConfigureAwait(false), "lookup password change refused");
            Done(ctx, "lookup password changed");
        });
        return command;
    }

    private static Command Reset(CliIo io)
    {
        var id = Opt.Required("--id", "Holder's resident ID number, checked against the ID card at the desk");
        var command = new Command("reset", "Reset a forgotten or blocked lookup password to the default, the birth date (service desk, with the holder's ID)")
        {
            id,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResults.EnsureOk(await desk.ResetLookupPasswordAsync(residentId, ct).ConfigureAwait(false), "lookup password reset refused");
            Done(ctx, "lookup password reset to the birth date, " + CardRules.PinTries + " tries restored");
        });
        return command;
    }

    private static void Done(CliContext ctx, string action)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new JsonObject { ["action"] = action });
            return;
        }

        ctx.Say("[green]" + action + "[/]");
    }
}
