using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Firmware.Hardware;
using MedCard.Simulator.Hardware;

namespace MedCard.Simulator;

/// <summary>
/// The simulator as a console program (what `medcard sim` runs): starts a <see cref="ReaderSimulator"/>, prints
/// the device path to connect to, echoes what the reader shows (state, PIN digit count, LEDs, beeps), and reads
/// commands from the input: <c>cards</c>, <c>place NAME</c>, <c>lift</c>, <c>keys 123456#</c>, <c>status</c>,
/// <c>reboot</c>, <c>help</c>, <c>quit</c>. At the end of the input it keeps running until cancelled (Ctrl+C).
/// </summary>
public static class SimulatorConsole
{
    private const string Help =
        "commands: cards | place NAME | lift | keys DIGITS (# enter, * cancel) | status | reboot | help | quit";

    /// <summary>One call: start, serve, stop. Returns 0 on a normal end; exceptions from a bad cards file propagate with their message.</summary>
    public static async Task<int> RunAsync(SimulatorLaunch launch, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var gate = new object();
        void Say(string line)
        {
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }

        await using ReaderSimulator simulator = await ReaderSimulator.StartAsync(launch.ToOptions(), cancellationToken).ConfigureAwait(false);
        Say("device: " + simulator.DevicePath);
        Say("reader: " + (simulator.Cards.ReaderId != 0 ? simulator.Cards.ReaderId + " (key from the cards file)" : "not provisioned (provision it over the link)")
            + ", wire: " + simulator.Wire + ", cards: " + simulator.Cards.Cards.Count);
        Say(Help);
        ReaderSnapshot shown = simulator.Snapshot;
        simulator.StateChanged += (_, now) =>
        {
            if (now.State != shown.State || now.PinDigitCount != shown.PinDigitCount || now.Counter != shown.Counter || now.HostAttached != shown.HostAttached)
            {
                Say("reader: " + Describe(now));
            }

            shown = now;
        };
        simulator.Feedback.Changed += (_, change) => Say(change.Led is FeedbackLed led ? "led " + led + (change.On ? " on" : " off") : "beep " + change.Beep);

        if (launch.PlaceCard is not null)
        {
            Execute(simulator, "place " + launch.PlaceCard, Say);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                Say("input closed; serving " + simulator.DevicePath + " until interrupted (Ctrl+C)");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                break;
            }

            if (!Execute(simulator, line.Trim(), Say))
            {
                break;
            }
        }

        Say("stopping");
        return 0;
    }

    /// <summary>Run one console command line against <paramref name="simulator"/>, reporting through <paramref name="say"/>; false on quit. Reusable by other front ends.</summary>
    public static bool Execute(ReaderSimulator simulator, string line, Action<string> say)
    {
        string[] words = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return true;
        }

        string argument = words.Length > 1 ? words[1] : "";
        try
        {
            switch (words[0].ToLowerInvariant())
            {
                case "quit":
                case "exit":
                    return false;
                case "cards":
                    foreach (VirtualMifareCard card in simulator.Cards.Cards)
                    {
                        say("  " + card.Label.PadRight(10) + " " + (card.CardNumber ?? "(blank)").PadRight(20) + " UID " + Convert.ToHexString(card.Uid)
                            + (card.HolderPin is not null ? "  types its PIN when asked" : ""));
                    }

                    break;
                case "place":
                    VirtualMifareCard placed = simulator.PlaceCard(argument);
                    say("card " + placed.Label + " placed");
                    break;
                case "lift":
                    simulator.LiftCard();
                    say("card lifted");
                    break;
                case "keys":
                    simulator.TypeKeys(argument);
                    say(argument.Length + " key(s) queued"); // never echo the keys: they are a PIN
                    break;
                case "status":
                    say("reader: " + Describe(simulator.Snapshot) + ", host bytes in/out " + simulator.BytesFromHost + "/" + simulator.BytesToHost);
                    break;
                case "reboot":
                    _ = simulator.RebootAsync();
                    say("rebooting");
                    break;
                default:
                    say(Help);
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or System.Collections.Generic.KeyNotFoundException)
        {
            say("error: " + e.Message);
        }

        return true;
    }

    private static string Describe(ReaderSnapshot s) =>
        s.State + (s.CardNumber is not null ? " card " + s.CardNumber : s.CardPresent ? " card present" : "")
        + (s.PinDigitCount > 0 ? " PIN " + new string('*', s.PinDigitCount) : "")
        + ", counter " + s.Counter + ", journal " + s.JournalCount + (s.HostAttached ? "" : ", no host");
}
