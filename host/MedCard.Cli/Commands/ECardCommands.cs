using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using QRCoder;

namespace MedCard.Cli.Commands;

/// <summary>`medcard ecard issue|show|accept`: the electronic medical-insurance card. `issue` signs a short-lived, single-use
/// token for an enrolled holder (text, and a QR code as a PNG file); `show` reads a token's fields; `accept` says whether an
/// institution takes e-cards. Settle with `medcard settle --ecard TOKEN`.</summary>
internal static class ECardCommands
{
    public static Command Build(CliIo io) =>
        new("ecard", "The electronic medical-insurance card: issue a token (and its QR code), read one, let an institution accept e-cards")
        {
            Issue(io), Show(io), Accept(io),
        };

    private static Command Issue(CliIo io)
    {
        var number = Opt.Required("--card", "Card number of the holder's card");
        var id = Opt.Required("--id", "Holder's resident ID number (must be the card's)");
        var qr = Opt.Optional("--qr", "Write the QR code as a PNG file here", ValueKind.Path);
        var command = new Command("issue", "Issue an e-card token to the card's holder: signed by the scheme, short-lived, single use") { number, id, qr };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            string residentId = Inputs.ResidentId(parse.GetValue(id));
            var store = await ctx.StoreAsync(ct).ConfigureAwait(false);
            using PinKeyFile keys = ECardKeyLocation.Open(ctx, create: true);
            ECardIssue issued = await new CardDesk(store, ECardKeyLocation.With(ctx.LedgerOptions, keys)).IssueECardAsync(cardNumber, residentId, ct)
                .ConfigureAwait(false);
            if (issued.Refusal is { } refusal)
            {
                throw new RefusedException("e-card for " + cardNumber + " refused", refusal);
            }

            string? png = parse.GetValue(qr) is { } path ? WriteQr(issued.Token!, path) : null;
            Emit(ctx, issued.Token!, png, "issued");
        });
        return command;
    }

    private static Command Show(CliIo io)
    {
        var token = Opt.Required("--token", "The e-card token (MCE1....)", ValueKind.Secret);
        var qr = Opt.Optional("--qr", "Write its QR code as a PNG file here", ValueKind.Path);
        var command = new Command("show", "Read an e-card token's card number and validity (the signature is checked when it settles)") { token, qr };
        CommandActions.Set(command, io, (ctx, parse, ct) =>
        {
            string text = parse.GetValue(token)!.Trim();
            if (!ECardToken.TryParse(text, out _))
            {
                throw CliException.BadInput("--token is not an e-card token", "MCE1.<payload>.<mac>, as medcard ecard issue printed it");
            }

            Emit(ctx, text, parse.GetValue(qr) is { } path ? WriteQr(text, path) : null, null);
            return System.Threading.Tasks.Task.CompletedTask;
        });
        return command;
    }

    private static Command Accept(CliIo io)
    {
        var institution = Opt.Required("--institution", "Institution id", ValueKind.Id);
        var no = new Option<bool>("--no") { Description = "Stop accepting e-cards" };
        var command = new Command("accept", "Let an institution accept e-cards (or stop, with --no)") { institution, no };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string id = Inputs.Required(parse.GetValue(institution), "--institution");
            bool accepts = !parse.GetValue(no);
            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
            DeskResults.EnsureOk(await desk.SetECardAcceptanceAsync(id, accepts, ct).ConfigureAwait(false), "e-card acceptance of " + id + " refused");
            if (ctx.Json)
            {
                ctx.WriteJson(new JsonObject { ["institution"] = id, ["acceptsECard"] = accepts });
                return;
            }

            ctx.Say(Spectre.Console.Markup.Escape(id) + (accepts ? " [green]accepts e-cards[/]" : " no longer accepts e-cards"));
        });
        return command;
    }

    private static void Emit(CliContext ctx, string text, string? png, string? action)
    {
        ECardToken.TryParse(text, out ECardToken? token);
        bool expired = token!.ExpiresAt <= DateTimeOffset.UtcNow;
        if (ctx.Json)
        {
            var json = new JsonObject
            {
                ["token"] = text,
                ["cardNumber"] = token.CardNumber,
                ["issuedAt"] = token.IssuedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["expiresAt"] = token.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["expired"] = expired,
                ["qr"] = png,
            };
            if (action is not null)
            {
                json["action"] = action;
            }

            ctx.WriteJson(json);
            return;
        }

        ctx.Say("e-card for card " + token.CardNumber + (action is null ? string.Empty : " " + action) + ", valid until "
            + token.ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + (expired ? " [yellow](expired)[/]" : string.Empty));
        ctx.Io.Out.WriteLine(text);
        if (png is not null)
        {
            ctx.Say("QR code: " + Spectre.Console.Markup.Escape(png));
        }
    }

    /// <summary>The token as a QR code (error correction M), a PNG file; returns its full path.</summary>
    internal static string WriteQr(string text, string path)
    {
        using var generator = new QRCodeGenerator();
        using QRCodeData data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        byte[] image = new PngByteQRCode(data).GetGraphic(8);
        try
        {
            File.WriteAllBytes(path, image);
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Io("cannot write the QR code to " + Echo.Value(path, 256) + ": " + e.Message, "check the folder exists and is writable", e);
        }
    }
}
