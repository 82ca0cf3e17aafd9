using System.CommandLine;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Commands;

/// <summary>`medcard pin change|reset` (and `pin keys`, <see cref="PinKeyCommands"/>). PINs are taken as options and turned into digit values at once; they
/// are never printed, logged or put into an error message.</summary>
internal static class PinCommands
{
    public static Command Build(CliIo io)
    {
        var pin = new Command("pin", "Change a PIN with the old one, reset a forgotten or blocked PIN at the desk, or manage the PIN verification keys");
        pin.Subcommands.Add(Change(io));
        pin.Subcommands.Add(Reset(io));
        pin.Subcommands.Add(PinKeyCommands.Build(io));
        return pin;
    }

    private static Command Change(CliIo io)
    {
        var number = Opt.Required("--card", "Card number");
        var oldPin = Opt.Required("--old-pin", "Current PIN (a wrong one spends a try, like at a reader)", ValueKind.Secret);
        var newPin = Opt.Required("--new-pin", "New PIN, 4 to 12 digits", ValueKind.Secret);
        var command = new Command("change", "Change the PIN (the holder knows the old one)") { number, oldPin, newPin };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            using PinDigits old = Inputs.Pin(parse.GetValue(oldPin), "--old-pin");
            using PinDigits fresh = Inputs.Pin(parse.GetValue(newPin), "--new-pin");
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.ChangePinAsync(cardNumber, old, fresh, ct).ConfigureAwait(false);
            DeskResults.EnsureOk(result, "PIN change on " + cardNumber + " refused");
            await CardCommands.ShowCardAsync(ctx, desk, cardNumber, "PIN changed", ct).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Reset(CliIo io)
    {
        var number = Opt.Required("--card", "Card number");
        var id = Opt.Required("--id", "Holder's resident ID number, checked against the ID card at the desk");
        var newPin = Opt.Required("--new-pin", "New PIN, 4 to 12 digits", ValueKind.Secret);
        var command = new Command("reset", "Reset a forgotten or blocked PIN (service desk, with the holder's ID)") { number, id, newPin };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            using PinDigits fresh = Inputs.Pin(parse.GetValue(newPin), "--new-pin");
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResult result = await desk.ResetPinAsync(cardNumber, residentId, fresh, ct).ConfigureAwait(false);
            DeskResults.EnsureOk(result, "PIN reset on " + cardNumber + " refused");
            await CardCommands.ShowCardAsync(ctx, desk, cardNumber, "PIN reset, " + CardRules.PinTries + " tries restored", ct).ConfigureAwait(false);
        });
        return command;
    }
}
