using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Files;
using MedCard.Simulator;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Hardware;
using MedCard.Simulator.Link;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard sim`: starts the desktop reader simulator (host/MedCard.Simulator: the firmware core with a
/// virtual card field and keypad) on a pseudo-terminal or TCP, prints the device path to connect to and runs
/// until Ctrl+C, `quit` on stdin or --duration. Lines on stdin are the simulator's own console commands
/// (<see cref="SimulatorConsole.Execute"/>): `cards`, `place LABEL|CARD|UID`, `lift`, `keys 1234#`, `status`, `reboot`,
/// `help`, `quit`; what the reader shows is echoed as it changes.
/// </summary>
internal static class SimCommand
{
    public static Command Build(CliIo io)
    {
        var cards = Opt.Optional("--cards", "Cards file (JSON: scheme keys, reader identity, cards); default: the built-in demo deck", ValueKind.Path);
        var tcp = Opt.Range(new Option<int?>("--tcp") { Description = "Serve the link on this TCP port (0 = any free port) instead of a pseudo-terminal" }, 0, 65535);
        var state = Opt.Optional("--state", "Folder for the reader's flash (counter, journal, keys); kept across runs. Default: a temporary one", ValueKind.Path);
        var duration = Opt.Range(new Option<double?>("--duration") { Description = "Stop after this many seconds (default: run until Ctrl+C or 'quit')" }, 0.001, OptionRules.DefaultMaxSeconds);
        var export = Opt.Optional("--export-cards", "Write the demo cards file to this path (a template for your own) and exit", ValueKind.Path);
        var unprovisioned = new Option<bool>("--unprovisioned")
        {
            Description = "Start as a freshly flashed reader with no id and key (provision it with medcard provision --port ...)",
        };
        var baud = Opt.Range(new Option<int?>("--baud") { Description = "Pace the link like a UART at this baud rate (e.g. 115200: 86.8 us a byte); default unpaced" }, 300, 4_000_000);
        var place = Opt.Optional("--place", "Start with this card on the reader (label, card number or UID)");
        var command = new Command("sim", "Start the desktop reader simulator and print the device path to connect to")
        {
            cards, tcp, state, duration, export, unprovisioned, baud, place,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            if (parse.GetValue(export) is { } exportPath)
            {
                // The cards file holds the scheme's card-system keys: owner-only.
                PrivateFiles.WriteAtomically(exportPath, System.Text.Encoding.UTF8.GetBytes(CardDeck.DemoJson()));
                ctx.Say("Demo cards file written to " + Markup.Escape(Path.GetFullPath(exportPath)));
                if (ctx.Json)
                {
                    ctx.WriteJson(new JsonObject { ["cardsFile"] = Path.GetFullPath(exportPath) });
                }

                return;
            }

            if (parse.GetValue(tcp) is int port && (port < 0 || port > 65535))
            {
                throw CliException.BadInput("--tcp " + port + " is not a TCP port", "give 0 (any free port) to 65535");
            }

            if (parse.GetValue(duration) is double seconds && (seconds <= 0 || double.IsNaN(seconds)))
            {
                throw CliException.BadInput("--duration must be a positive number of seconds");
            }

            if (parse.GetValue(baud) is int rate && (rate < 300 || rate > 4_000_000))
            {
                throw CliException.BadInput("--baud " + rate + " is not a UART rate", "e.g. 9600, 115200 or 921600");
            }

            CardDeck deck = LoadDeck(parse.GetValue(cards), parse.GetValue(unprovisioned));
            var options = new SimulatorOptions
            {
                Cards = deck,
                TcpPort = parse.GetValue(tcp),
                StoreDirectory = parse.GetValue(state) is { } dir ? Path.GetFullPath(dir) : null,
                Wire = parse.GetValue(baud) is int b ? WireModel.Uart8N1(b) : WireModel.Unpaced,
            };
            await using ReaderSimulator sim = await ReaderSimulator.StartAsync(options, ct).ConfigureAwait(false);
            Action<string> say = Sayer(ctx);
            Announce(ctx, sim);
            Echo(sim, say);
            if (parse.GetValue(place) is { } card)
            {
                SimulatorConsole.Execute(sim, "place " + card, say);
            }

            await RunUntilStoppedAsync(ctx, sim, parse.GetValue(duration), say, ct).ConfigureAwait(false);
            ctx.Say("Simulator stopped.");
        });
        return command;
    }

    private static CardDeck LoadDeck(string? path, bool unprovisioned)
    {
        if (path is null)
        {
            return unprovisioned ? CardDeck.FromFile(CardDeck.DemoFile() with { Reader = null }) : CardDeck.Demo();
        }

        if (unprovisioned)
        {
            throw CliException.BadInput("--unprovisioned applies to the demo deck", "leave \"reader\" out of your cards file instead");
        }

        if (!File.Exists(path))
        {
            throw CliException.BadInput("cards file " + path + " does not exist", "write a template with: medcard sim --export-cards cards.json");
        }

        try
        {
            return CardDeck.Load(path);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw CliException.BadInput("cards file " + path + " is not valid: " + e.Message, "compare it with: medcard sim --export-cards template.json");
        }
    }

    private static void Announce(CliContext ctx, ReaderSimulator sim)
    {
        if (ctx.Json)
        {
            var list = new JsonArray();
            foreach (VirtualMifareCard card in sim.Cards.Cards)
            {
                list.Add(new JsonObject { ["label"] = card.Label, ["cardNumber"] = card.CardNumber, ["uid"] = Convert.ToHexString(card.Uid) });
            }

            ctx.WriteJson(new JsonObject { ["device"] = sim.DevicePath, ["readerId"] = sim.Cards.ReaderId, ["cards"] = list });
            ctx.Io.Out.Flush();
            return;
        }

        ctx.Say("[green]Simulated reader[/] " + (sim.Cards.ReaderId == 0 ? "(not provisioned)" : sim.Cards.ReaderId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + " is listening on [bold]" + Markup.Escape(sim.DevicePath) + "[/]");
        var table = new Table().Border(TableBorder.Rounded).Title("Cards you can place").AddColumn("Label").AddColumn("Card number").AddColumn("UID");
        foreach (VirtualMifareCard card in sim.Cards.Cards)
        {
            table.AddRow(Markup.Escape(card.Label), Markup.Escape(card.CardNumber ?? "(blank)"), Convert.ToHexString(card.Uid));
        }

        ctx.Console.Write(table);
        ctx.Say("Type [bold]place LABEL[/], [bold]lift[/], [bold]keys 1234#[/], [bold]status[/], [bold]reboot[/], [bold]help[/] or [bold]quit[/]; Ctrl+C stops.");
        ctx.Io.Out.Flush();
    }

    /// <summary>Where the simulator's own messages go: stdout for people, stderr with --json (stdout holds only the
    /// JSON document). Called from the simulator's poll thread too, hence the lock.</summary>
    private static Action<string> Sayer(CliContext ctx)
    {
        TextWriter target = ctx.Json ? ctx.Io.Error : ctx.Io.Out;
        var gate = new object();
        return line =>
        {
            lock (gate)
            {
                target.WriteLine(line);
                target.Flush();
            }
        };
    }

    /// <summary>What the reader shows (state, PIN digit count, counter) as it changes; never a digit.</summary>
    private static void Echo(ReaderSimulator sim, Action<string> say)
    {
        ReaderSnapshot shown = sim.Snapshot;
        sim.StateChanged += (_, now) =>
        {
            if (now.State != shown.State || now.PinDigitCount != shown.PinDigitCount || now.Counter != shown.Counter)
            {
                say("reader: " + now.State + (now.CardNumber is null ? string.Empty : " card " + now.CardNumber)
                    + (now.PinDigitCount > 0 ? " PIN " + new string('*', now.PinDigitCount) : string.Empty) + ", counter " + now.Counter);
            }

            shown = now;
        };
    }

    private static async Task RunUntilStoppedAsync(CliContext ctx, ReaderSimulator sim, double? seconds, Action<string> say, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (seconds is double s)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(s));
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                // Console.In reads synchronously even through ReadLineAsync and ignores the token once blocked: read
                // on the pool, wait for the line OR the stop, and leave a pending read behind when stopping.
                Task<string?> read = Task.Run(async () => await ctx.Io.In.ReadLineAsync(stop.Token).ConfigureAwait(false), stop.Token);
                await Task.WhenAny(read, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
                stop.Token.ThrowIfCancellationRequested();
                string? line = await read.ConfigureAwait(false);
                if (line is null)
                {
                    // No more input (stdin closed or not a terminal): keep serving until stopped.
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                    return;
                }

                // The simulator's own console commands: cards, place, lift, keys, status, reboot, help, quit.
                if (!SimulatorConsole.Execute(sim, line.Trim(), say))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or --duration: the normal way to stop a simulator.
        }
    }
}
