using System;
using System.Collections.Generic;
using System.CommandLine;
using MedCard.Cli.Infrastructure;
using MedCard.Cli.Readers;
using MedCard.Settlement.Model;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Commands;

/// <summary>`medcard settle`: one settlement through an in-process simulated reader (card presented, PIN
/// typed on its keypad, record signed) and the host's verification and settlement.</summary>
internal static class SettleCommand
{
    public static Command Build(CliIo io)
    {
        var reader = new Option<uint>("--reader") { Description = "Simulated reader id (provisioned with medcard provision)", DefaultValueFactory = _ => 1 };
        var number = Opt.Optional("--card", "Card number of the presented card");
        var uid = Opt.Optional("--uid", "UID of the presented card, hex (with --card too: a card carrying exactly these)");
        var pin = Opt.Optional("--pin", "The PIN the holder types on the simulated reader's keypad (not with --port: the holder types it on the reader)");
        var items = new Option<string[]>("--item") { Description = "Bill item CODE:AMOUNT[:covered|partly|self[:SELF-PAID%]] (repeat)" };
        var amount = Opt.Optional("--amount", "Shortcut for a one-item covered bill, in yuan");
        var bill = Opt.Optional("--bill", "JSON bill file (items, and optionally institution and visit)");
        var institution = Opt.Optional("--institution", "Institution id (required unless in the bill file)");
        var visit = Opt.Optional("--visit", "outpatient, inpatient, pharmacy or emergency (default outpatient)");
        var relative = Opt.Optional("--relative", "Resident ID of a bound relative whose account pays what the own account cannot");
        var fault = new Option<SettlementFault>("--fault") { Description = "Inject a fault: forge, resend, replay, lost or resign", DefaultValueFactory = _ => SettlementFault.None };
        var port = Opt.Optional("--port", "Settle on a connected reader instead: serial port, the pty `medcard sim` printed, or tcp://host:port");
        var wait = new Option<double>("--wait") { Description = "With --port: seconds to wait for a card", DefaultValueFactory = _ => 60 };
        var command = new Command("settle", "Settle a bill with an in-process simulated reader (or a connected one: --port); prints the split and its explanation")
        {
            reader, number, uid, pin, items, amount, bill, institution, visit, relative, fault, port, wait,
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
            if (portName is not null)
            {
                if (parse.GetValue(pin) is not null || parse.GetValue(fault) != SettlementFault.None)
                {
                    throw CliException.BadInput("--pin and --fault apply to the in-process simulated reader only", "with --port the holder types the PIN on the reader");
                }

                if (parse.GetValue(wait) is <= 0 or double.NaN)
                {
                    throw CliException.BadInput("--wait must be a positive number of seconds");
                }
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

            ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
            ReaderRegistry registry = await ReaderRegistry.OpenAsync(ctx.StoreSpec, ct).ConfigureAwait(false);
            using var keys = new PinKeys(pinText);
            var input = new SettleInput(parse.GetValue(reader), cardUid, cardNumber, keys, billItems, institutionId, visitType, relativeId, parse.GetValue(fault));
            SettleReport report = portName is null
                ? await new SettlementDriver(store, registry).SettleAsync(input, ct).ConfigureAwait(false)
                : await new ConnectedSettlement(store, registry, ctx.Verbose ? new StderrLoggerFactory(ctx.Io.Error) : null).SettleAsync(portName, input, TimeSpan.FromSeconds(parse.GetValue(wait)),
                    line => ctx.Io.Error.WriteLine("medcard: " + line), ct).ConfigureAwait(false);
            Emit(ctx, report);
        });
        return command;
    }

    /// <summary>Settled: the split and explanation, exit 0. Refused: the refusal as the one error line (exit 3);
    /// with --json the full settlement document is printed as well, marked ok=false.</summary>
    private static void Emit(CliContext ctx, SettleReport report)
    {
        SettleReport last = report.Resend ?? report;
        if (last.Refusal is { } refusal)
        {
            var error = new RefusedException("settlement " + last.ReaderId + "/" + last.Counter + " on card " + last.CardNumber + " refused", refusal);
            error.Details["settlement"] = SettleView.Json(report);
            throw error;
        }

        if (ctx.Json)
        {
            ctx.WriteJson(SettleView.Json(report));
            return;
        }

        ctx.Console.Write(SettleView.Render(report));
        if (report.Resend is not null)
        {
            ctx.Console.Write(SettleView.Render(report.Resend, "Second delivery of " + report.ReaderId + "/" + report.Counter));
        }
    }
}
