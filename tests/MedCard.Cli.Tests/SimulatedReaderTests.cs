using System;
using System.Threading.Tasks;
using MedCard.Simulator;
using MedCard.Simulator.Cards;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// What the tests of the tool against a connected reader share: a fresh ledger folder (<see cref="Cli"/>) and the desktop
/// simulator's reader (firmware core) on a real pseudo-terminal (<see cref="Sim"/>), holding the demo deck's cards, whose
/// virtual holder types the card's PIN when the reader asks.
/// </summary>
public abstract class SimulatedReaderTests : IAsyncLifetime
{
    /// <summary>The demo deck's "alice": UID 04A1B2C3, card M0000001, PIN 123456, resident ID 11010519800101002 + check.</summary>
    protected const string AliceId = "110105198001010024";

    private ReaderSimulator? _sim;

    /// <summary>The tool on a fresh ledger.</summary>
    protected CliHarness Cli { get; } = new();

    /// <summary>The reader on its pseudo-terminal (started in <see cref="InitializeAsync"/>).</summary>
    protected ReaderSimulator Sim => _sim ?? throw new InvalidOperationException("The simulator is not started yet.");

    public async Task InitializeAsync()
    {
        await Cli.InitializeAsync();
        // A slower virtual finger than the default: the firmware's keypad scan runs on the simulator's poll
        // thread, and on a loaded 2-core machine a 50 ms press can fall between two scans.
        _sim = await ReaderSimulator.StartAsync(new SimulatorOptions
        {
            Cards = CardDeck.FromFile(CardDeck.DemoFile() with { Reader = null }),
            KeyHoldMs = 150,
            KeyGapMs = 100,
        });
    }

    public async Task DisposeAsync()
    {
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }

        await Cli.DisposeAsync();
    }
}
