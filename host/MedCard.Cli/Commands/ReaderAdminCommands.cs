using System;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Cli.Infrastructure;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Markup = Spectre.Console.Markup;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard reader status|hotlist push|journal sync|reset|wipe`: looking after a reader between purchases, each one call of the
/// checkout library's <see cref="ReaderAdministration"/> on a connected reader (--port) or a simulated one beside the ledger
/// (--simulated [--reader N]). A wipe needs --yes and files the reader's journal into the ledger first.
/// </summary>
internal static class ReaderAdminCommands
{
    public static Command Build(CliIo io)
    {
        var hotlist = new Command("hotlist", "The reader's hotlist of lost and replaced cards") { Push(io) };
        var journal = new Command("journal", "The reader's journal of signed records") { Sync(io) };
        return new Command("reader", "Look after a reader: status, hotlist, journal, reboot, factory wipe")
        {
            Status(io), hotlist, journal, Reset(io), Wipe(io),
        };
    }

    private static Command Status(CliIo io)
    {
        var target = new ReaderTarget();
        var command = target.AddTo(new Command("status", "The reader's status (counter, journal, hotlist, line counters) beside the ledger's view of it"));
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            ReaderStatusReport report = await target.RunAsync(ctx, parse, (admin, c) => admin.GetStatusAsync(c), ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(StatusJson(report));
                return;
            }

            StatusResponse r = report.Reader;
            Capabilities? caps = report.Capabilities;
            ctx.Say("reader " + r.ReaderId + (caps is null ? string.Empty
                : " (" + Markup.Escape(caps.BoardName ?? "?") + ", firmware " + caps.FirmwareMajor + "." + caps.FirmwareMinor + "." + caps.FirmwarePatch + ")")
                + ": " + Markup.Escape(r.Flags.ToString()));
            ctx.Say("  counter " + r.Counter + "; ledger filed up to " + (report.LedgerCounter?.ToString() ?? "nothing")
                + (report.KnownToLedger ? string.Empty : " [yellow](the ledger holds no key for this reader)[/]"));
            ctx.Say("  journal " + r.JournalCount + "/" + r.JournalCapacity + (report.UnfiledRecords > 0
                ? "; [yellow]" + report.UnfiledRecords + " counter(s) used beyond the ledger's[/]: medcard reader journal sync" : string.Empty));
            ctx.Say("  hotlist version " + r.HotlistVersion + " (ledger " + report.LedgerHotlistVersion + ")"
                + (report.HotlistBehind ? " [yellow]behind[/]: medcard reader hotlist push" : string.Empty));
            ctx.Say("  up " + r.UptimeSeconds + " s; frames accepted " + r.FramesAccepted + ", dropped bad CRC " + r.DroppedBadCrc
                + ", bad COBS " + r.DroppedBadCobs + ", too long " + r.DroppedTooLong + ", too short " + r.DroppedTooShort);
        });
        return command;
    }

    private static Command Push(CliIo io)
    {
        var target = new ReaderTarget();
        var command = target.AddTo(new Command("push", "Push the ledger's current hotlist (lost and replaced cards) to the reader"));
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            HotlistPushReport report = await target.RunAsync(ctx, parse, (admin, c) => admin.PushHotlistAsync(c), ct).ConfigureAwait(false);
            var document = new JsonObject
            {
                ["version"] = report.Version,
                ["cards"] = report.Cards,
                ["status"] = report.Ack.Status.ToString(),
                ["activeVersion"] = report.Ack.ActiveVersion,
                ["activeEntries"] = report.Ack.ActiveEntries,
            };
            if (!report.InForce)
            {
                // Full or StorageFailure: the reader keeps its previous list, which misses the newest losses.
                var refused = new RefusedException("hotlist version " + report.Version + " was not taken by the reader",
                    "hotlist." + report.Ack.Status.ToString().ToLowerInvariant(),
                    "the reader answered " + report.Ack.Status + " and keeps version " + report.Ack.ActiveVersion, "check the reader's storage and retry");
                refused.Details["hotlist"] = document;
                throw refused;
            }

            if (ctx.Json)
            {
                ctx.WriteJson(document);
                return;
            }

            ctx.Say(report.Ack.Status == HotlistStatus.Activated
                ? "[green]hotlist version " + report.Version + " in force[/] on the reader (" + report.Cards + " card(s))"
                : "the reader already holds hotlist version " + report.Ack.ActiveVersion + " (ledger version " + report.Version + "); nothing changed");
        });
        return command;
    }

    private static Command Sync(CliIo io)
    {
        var target = new ReaderTarget();
        var command = target.AddTo(new Command("sync",
            "File the reader's journal into the ledger: every signed record the ledger has not filed is voided with its reason (no money moves), then acknowledged"));
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            RecoveryReport report = await target.RunAsync(ctx, parse, (admin, c) => admin.SyncJournalAsync(c), ct).ConfigureAwait(false);
            JsonObject document = RecoveryJson(report);
            if (report.Unfiled.Count > 0)
            {
                var refused = new RefusedException(report.Unfiled.Count + " journal record(s) could not be filed", "journal.unfiled",
                    "not genuine or off this reader's chain: " + report.Unfiled[0], "they stay in the reader's journal; rerun with --verbose and report it");
                refused.Details["journal"] = document;
                throw refused;
            }

            if (ctx.Json)
            {
                ctx.WriteJson(document);
                return;
            }

            ctx.Say(report.Voided.Count == 0
                ? "journal in step with the ledger; acknowledged up to counter " + report.AcknowledgedUpTo
                : "[yellow]" + report.Voided.Count + " signed record(s) never settled were filed as void[/] (counters "
                    + string.Join(", ", report.Voided.Select(v => v.Counter)) + "); acknowledged up to counter " + report.AcknowledgedUpTo);
        });
        return command;
    }

    private static Command Reset(CliIo io)
    {
        var target = new ReaderTarget();
        var command = target.AddTo(new Command("reset", "Reboot the reader (its key, counter, journal and hotlist are kept)"));
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            uint readerId = await target.RunAsync(ctx, parse, async (admin, c) =>
            {
                await admin.RebootAsync(c).ConfigureAwait(false);
                return admin.ReaderId;
            }, ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(new JsonObject { ["reader"] = readerId, ["mode"] = "reboot" });
                return;
            }

            ctx.Say("reader " + readerId + " is rebooting");
        });
        return command;
    }

    private static Command Wipe(CliIo io)
    {
        var target = new ReaderTarget();
        var yes = new Option<bool>("--yes") { Description = "Confirm the factory wipe (erases the reader's key, card keys, journal and hotlist)" };
        var command = target.AddTo(new Command("wipe",
            "Factory-wipe the reader after filing its journal into the ledger; it comes back unprovisioned (needs --yes)") { yes });
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                throw CliException.BadInput("a factory wipe erases the reader's key, card keys, journal and hotlist and was not confirmed",
                    "add --yes to wipe it (then medcard provision gives it a key again)");
            }

            (uint readerId, RecoveryReport? filed) = await target.RunAsync(ctx, parse, async (admin, c) =>
            {
                if (!admin.KnownToLedger && admin.ReaderId != 0)
                {
                    StatusResponse status = (await admin.GetStatusAsync(c).ConfigureAwait(false)).Reader;
                    if (status.JournalCount > 0)
                    {
                        // Records this ledger cannot verify or file would be erased with the journal.
                        throw new RefusedException("reader " + admin.ReaderId + " was not wiped", "reader.journal_unfiled",
                            "its journal holds " + status.JournalCount + " record(s) and this ledger holds no key for the reader, so they cannot be filed here",
                            "run medcard reader journal sync with the ledger that provisioned it (--store) first");
                    }
                }

                uint id = admin.ReaderId;
                return (id, await admin.FactoryWipeAsync(c).ConfigureAwait(false));
            }, ct).ConfigureAwait(false);
            var document = new JsonObject { ["reader"] = readerId, ["mode"] = "factory-wipe", ["journal"] = filed is null ? null : RecoveryJson(filed) };
            if (ctx.Json)
            {
                ctx.WriteJson(document);
                return;
            }

            ctx.Say("[yellow]reader " + readerId + " wiped[/]" + (filed is null ? string.Empty
                : "; its journal was filed first (" + filed.Voided.Count + " record(s) voided)") + ". Provision it again with medcard provision.");
        });
        return command;
    }

    private static JsonObject StatusJson(ReaderStatusReport report)
    {
        StatusResponse r = report.Reader;
        Capabilities? caps = report.Capabilities;
        return new JsonObject
        {
            ["reader"] = r.ReaderId,
            ["firmware"] = caps is null ? null : caps.FirmwareMajor + "." + caps.FirmwareMinor + "." + caps.FirmwarePatch,
            ["board"] = caps?.BoardName,
            ["flags"] = r.Flags.ToString(),
            ["counter"] = r.Counter,
            ["journal"] = new JsonObject { ["count"] = r.JournalCount, ["capacity"] = r.JournalCapacity },
            ["hotlist"] = new JsonObject
            {
                ["version"] = r.HotlistVersion,
                ["ageSeconds"] = r.HotlistAgeSeconds == StatusResponse.AgeUnknown ? null : r.HotlistAgeSeconds,
            },
            ["uptimeSeconds"] = r.UptimeSeconds,
            ["line"] = new JsonObject
            {
                ["framesAccepted"] = r.FramesAccepted,
                ["droppedBytes"] = r.DroppedBytes,
                ["droppedBadCrc"] = r.DroppedBadCrc,
                ["droppedBadCobs"] = r.DroppedBadCobs,
                ["droppedTooLong"] = r.DroppedTooLong,
                ["droppedTooShort"] = r.DroppedTooShort,
                ["droppedUnknownVersion"] = r.DroppedUnknownVersion,
            },
            ["ledger"] = new JsonObject
            {
                ["knowsReader"] = report.KnownToLedger,
                ["counter"] = report.LedgerCounter,
                ["hotlistVersion"] = report.LedgerHotlistVersion,
            },
            ["unfiledRecords"] = report.UnfiledRecords,
            ["hotlistBehind"] = report.HotlistBehind,
        };
    }

    private static JsonObject RecoveryJson(RecoveryReport report) => new()
    {
        ["voided"] = new JsonArray(report.Voided.Select(v => (JsonNode)new JsonObject
        {
            ["reader"] = v.ReaderId,
            ["counter"] = v.Counter,
            ["amountFen"] = v.Amount,
            ["reason"] = v.Reason,
        }).ToArray()),
        ["unfiled"] = new JsonArray(report.Unfiled.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
        ["acknowledgedUpTo"] = report.AcknowledgedUpTo,
    };

    /// <summary>The options every reader command takes (which reader) and the one way they reach it.</summary>
    private sealed class ReaderTarget
    {
        private readonly Option<string> _port = Opt.Optional("--port", "A connected reader: serial port, the pty `medcard sim` printed, or tcp://host:port");
        private readonly Option<bool> _simulated = new("--simulated") { Description = "The simulated reader --reader beside the ledger (provisioned with medcard provision)" };
        private readonly Option<uint> _reader = new("--reader") { Description = "With --simulated: the reader id", DefaultValueFactory = _ => 1 };

        public Command AddTo(Command command)
        {
            command.Options.Add(_port);
            command.Options.Add(_simulated);
            command.Options.Add(_reader);
            return command;
        }

        /// <summary>Opens the reader named by the options against the ledger, runs <paramref name="action"/>, closes the link.</summary>
        public async Task<T> RunAsync<T>(CliContext ctx, ParseResult parse, Func<ReaderAdministration, CancellationToken, Task<T>> action, CancellationToken ct)
        {
            string? portName = parse.GetValue(_port);
            bool simulated = parse.GetValue(_simulated);
            if ((portName is null) == !simulated)
            {
                throw CliException.BadInput(simulated ? "--simulated and --port exclude each other" : "no reader: give --simulated or --port",
                    "--simulated is the simulated reader beside the ledger; --port a connected one");
            }

            if (portName is not null && parse.GetResult(_reader) is { Implicit: false })
            {
                throw CliException.BadInput("--reader applies to the simulated reader only", "a connected reader says its own id");
            }

            IByteTransport transport = portName is not null ? ProvisionCommand.Transport(portName) : OpenSimulated(ctx, parse.GetValue(_reader));
            ILedgerStore store;
            try
            {
                store = await ctx.StoreAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                await transport.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var options = new CheckoutOptions { Ledger = ctx.LedgerOptions, LoggerFactory = ctx.Verbose ? new StderrLoggerFactory(ctx.Io.Error) : null };
            try
            {
                await using ReaderAdministration admin = await ReaderAdministration.OpenAsync(transport, store, options, ct).ConfigureAwait(false);
                return await action(admin, ct).ConfigureAwait(false);
            }
            catch (CheckoutException e)
            {
                throw new RefusedException("reader on " + transport.Name, e.Reason, e.Message, "medcard provision --reader ID");
            }
            finally
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
        }

        private static SimulatedReaderTransport OpenSimulated(CliContext ctx, uint readerId)
        {
            string directory = SimulatedReaderFlash.DirectoryFor(ctx.StoreSpec, readerId);
            if (!SimulatedReaderFlash.IsProvisioned(directory))
            {
                throw new RefusedException("simulated reader " + readerId + " cannot be reached", "reader.not_provisioned",
                    "it was never provisioned as a simulated reader", "medcard provision --reader " + readerId);
            }

            try
            {
                return SimulatedReaderTransport.Open(directory);
            }
            catch (SimulatedReaderBusyException e)
            {
                throw CliException.Io(e.Message, "another medcard process is using this reader; wait for it to finish");
            }
        }
    }
}
