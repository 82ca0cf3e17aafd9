using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Security.Cryptography;
using MedCard.Cli.Infrastructure;
using MedCard.Checkout;
using MedCard.Simulator.InProcess;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Commands;

/// <summary>`medcard settle`: one purchase through the checkout library (MedCard.Checkout) on a simulated reader
/// (--simulated: the card presented and the PIN typed on its virtual keypad) or a connected one (--port; with
/// --holder-mac-key the host verifies the holder data the reader forwards with the issuer's key).</summary>
internal static class SettleCommand
{
    public static Command Build(CliIo io)
    {
        var reader = new Option<uint>("--reader") { Description = "With --simulated: the reader id (provisioned with medcard provision)", DefaultValueFactory = _ => 1 };
        var number = Opt.Optional("--card", "Card number of the presented card");
        var uid = Opt.Optional("--uid", "UID of the presented card, hex (with --card too: a card carrying exactly these)");
        var pin = Opt.Optional("--pin", "The PIN the holder types on the simulated reader's keypad (not with --port: the holder types it on the reader)");
        var items = new Option<string[]>("--item") { Description = "Bill item CODE:AMOUNT[:covered|partly|self[:SELF-PAID%]] (repeat)" };
        var amount = Opt.Optional("--amount", "Shortcut for a one-item covered bill, in yuan");
        var bill = Opt.Optional("--bill", "JSON bill file (items, and optionally institution and visit)");
        var institution = Opt.Optional("--institution", "Institution id (required unless in the bill file)");
        var visit = Opt.Optional("--visit", "outpatient, inpatient, pharmacy or emergency (default outpatient)");
        var relative = Opt.Optional("--relative", "Resident ID of a bound relative whose account pays what the own account cannot");
        var fault = new Option<ReaderFault>("--fault") { Description = "With --simulated: a scripted fault on the reader's answer: forge, resend, replay, lost or resign", DefaultValueFactory = _ => ReaderFault.None };
        var simulated = new Option<bool>("--simulated") { Description = "Settle on the simulated reader --reader beside the ledger (provisioned with medcard provision)" };
        var port = Opt.Optional("--port", "Settle on a connected reader: serial port, the pty `medcard sim` printed, or tcp://host:port");
        var holderMacKeyFile = Opt.Optional("--holder-mac-key",
            "With --port: file with the issuer's holder-data MAC key (32 raw bytes, 64 hex digits, or the cards file of medcard sim --export-cards); holder data is verified before the PIN is asked",
            ValueKind.Path);
        var ecard = Opt.Optional("--ecard", "Pay with the e-card: the token its QR code carries (no reader; the ledger checks the scheme's signature)", ValueKind.Secret);
        var wait = new Option<double>("--wait") { Description = "With --port: seconds to wait for a card", DefaultValueFactory = _ => 60 };
        var command = new Command("settle", "Settle a bill through the checkout on a simulated reader (--simulated) or a connected one (--port); prints the split and its explanation")
        {
            reader, number, uid, pin, items, amount, bill, institution, visit, relative, fault, simulated, port, wait, holderMacKeyFile, ecard,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string? cardNumber = parse.GetValue(number) is { } n ? Inputs.CardNumber(n) : null;
            byte[]? cardUid = parse.GetValue(uid) is { } u ? Inputs.Uid(u) : null;

            (List<BillItem> billItems, string? billInstitution, VisitType? billVisit) = BillReader.FromOptions(parse.GetValue(items), parse.GetValue(amount), parse.GetValue(bill));
            string institutionId = parse.GetValue(institution) ?? billInstitution
                ?? throw CliException.BadInput("no institution", "give --institution or put \"institution\" in the bill file");
            VisitType visitType = parse.GetValue(visit) is { } v ? BillReader.Visit(v) : billVisit ?? VisitType.Outpatient;
            string? relativeId = parse.GetValue(relative) is { } r ? Inputs.ResidentId(r, "--relative") : null;
            string? portName = parse.GetValue(port);
            bool isSimulated = parse.GetValue(simulated);
            if (parse.GetValue(ecard) is { } token)
            {
                if (portName is not null || isSimulated || cardNumber is not null || cardUid is not null || parse.GetValue(pin) is not null
                    || parse.GetValue(holderMacKeyFile) is not null || parse.GetValue(fault) != ReaderFault.None)
                {
                    throw CliException.BadInput("--ecard settles without a reader or card: not with --simulated, --port, --card, --uid, --pin, --fault or --holder-mac-key",
                        "the token names the card; the scheme's signature replaces the reader's");
                }

                var ecardPurchase = new Purchase(billItems, institutionId, visitType) { PayFromRelativeResidentId = relativeId };
                ILedgerStore ledger = await ctx.StoreAsync(ct).ConfigureAwait(false);
                using MedCard.Settlement.Rules.PinKeyFile keys = ECardKeyLocation.Open(ctx, create: false);
                CheckoutResult paid = await new ECardCheckout(ledger, ECardKeyLocation.With(ctx.LedgerOptions, keys)).CheckoutAsync(token, ecardPurchase, ct)
                    .ConfigureAwait(false);
                Emit(ctx, paid, ecardPurchase);
                return;
            }

            if ((portName is null) == !isSimulated)
            {
                throw CliException.BadInput(isSimulated ? "--simulated and --port exclude each other" : "no reader: give --simulated or --port",
                    "--simulated settles on the simulated reader beside the ledger; --port on a connected one");
            }

            if (portName is not null)
            {
                if (parse.GetValue(pin) is not null || parse.GetValue(fault) != ReaderFault.None)
                {
                    throw CliException.BadInput("--pin and --fault apply to the simulated reader only", "with --port the holder types the PIN on the reader");
                }

                if (parse.GetValue(wait) is <= 0 or double.NaN or > 86400)
                {
                    throw CliException.BadInput("--wait must be a positive number of seconds (at most a day)");
                }
            }
            else if (parse.GetValue(holderMacKeyFile) is not null)
            {
                throw CliException.BadInput("--holder-mac-key applies to a connected reader (--port)",
                    "the simulated reader's holder data is always verified with the simulated scheme's key");
            }
            else if (cardNumber is null && cardUid is null)
            {
                throw CliException.BadInput("no card was presented", "give --card or --uid (or both)");
            }

            string pinText = parse.GetValue(pin) ?? string.Empty;
            if (portName is null)
            {
                Inputs.Pin(pinText).Dispose(); // validate the shape (4-12 digits) before anything is signed
            }

            // Read before the store is opened (a bad file changes nothing); wiped however the settlement ends.
            byte[]? holderMacKey = parse.GetValue(holderMacKeyFile) is { } keyPath ? SchemeKeyFile.HolderMac.Read(keyPath) : null;
            try
            {
                ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
                var purchase = new Purchase(billItems, institutionId, visitType)
                {
                    CardNumber = cardNumber,
                    CardUid = cardUid,
                    PayFromRelativeResidentId = relativeId,
                };
                var logging = ctx.Verbose ? new StderrLoggerFactory(ctx.Io.Error) : null;
                CheckoutResult result = portName is null
                    ? await CheckoutRunner.SimulatedAsync(store, ctx.StoreSpec, parse.GetValue(reader), cardUid, cardNumber, pinText, purchase, parse.GetValue(fault),
                        ctx.LedgerOptions, logging, ct).ConfigureAwait(false)
                    : await CheckoutRunner.ConnectedAsync(store, portName, purchase, TimeSpan.FromSeconds(parse.GetValue(wait)),
                        line => ctx.Io.Error.WriteLine("medcard: " + line), holderMacKey, ctx.LedgerOptions, logging, ct).ConfigureAwait(false);
                Emit(ctx, result, purchase);
            }
            finally
            {
                if (holderMacKey is not null)
                {
                    CryptographicOperations.ZeroMemory(holderMacKey);
                }
            }
        });
        return command;
    }

    /// <summary>Settled: the split and explanation, exit 0. Refused: the refusal as the one error line (exit 3);
    /// with --json the full settlement document is printed as well, marked ok=false.</summary>
    private static void Emit(CliContext ctx, CheckoutResult result, Purchase purchase)
    {
        if (result.Status == CheckoutStatus.Refused)
        {
            string what = purchase.CardNumber is null && result.ReaderId == MedCard.Settlement.Services.SettlementService.ECardChannel && !result.Signed
                ? "e-card purchase" + (result.CardNumber is null ? string.Empty : " for card " + result.CardNumber) + " refused"
                : result.Signed
                ? "settlement " + result.ReaderId + "/" + result.Counter + " on card " + result.CardNumber + " refused"
                : "purchase on reader " + result.ReaderId + (result.CardNumber is null ? string.Empty : " for card " + result.CardNumber)
                    + " refused before signing (nothing was signed)";
            RefusedException error = result.Refusal is { } refusal && refusal.Key == result.Reason
                ? new RefusedException(what, refusal)
                : new RefusedException(what, result.Reason, result.Message, null);
            error.Details["settlement"] = SettleView.Json(result, purchase);
            throw error;
        }

        if (ctx.Json)
        {
            ctx.WriteJson(SettleView.Json(result, purchase));
            return;
        }

        ctx.Console.Write(SettleView.Render(result, purchase));
    }
}
