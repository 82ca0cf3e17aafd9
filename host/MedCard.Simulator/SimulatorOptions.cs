using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Link;

namespace MedCard.Simulator;

/// <summary>How to start a <see cref="ReaderSimulator"/>. Every property has a usable default.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The cards that can be placed, the scheme keys and (optionally) the reader identity. Default: <see cref="CardDeck.Demo"/>.</summary>
    public CardDeck? Cards { get; init; }

    /// <summary>
    /// Directory of the reader's persistent state (counter, journal, keys, hotlist). Reuse it across runs to keep
    /// the counter and journal; null = a fresh temporary directory deleted on dispose.
    /// </summary>
    public string? StoreDirectory { get; init; }

    /// <summary>Serve the link on a TCP port instead of a pseudo-terminal (0 = any free port). Null = pseudo-terminal.</summary>
    public int? TcpPort { get; init; }

    /// <summary>Address the TCP endpoint binds to (loopback by default: the link carries no secrets, but it signs money).</summary>
    public string TcpBindAddress { get; init; } = "127.0.0.1";

    /// <summary>Byte pacing of the simulated UART. Default: unpaced.</summary>
    public WireModel Wire { get; init; } = WireModel.Unpaced;

    /// <summary>Frame faults injected on the line, both directions; null = a clean line.</summary>
    public LineFaultPlan? Faults { get; init; }

    /// <summary>Firmware sizes and timings (journal capacity, presence debounce, timeouts). Default: production values.</summary>
    public ReaderOptions? Reader { get; init; }

    /// <summary>Keypad legend (default 4x4: 123A / 456B / 789C / *0#D).</summary>
    public KeypadLayout? KeypadLayout { get; init; }

    /// <summary>How long the virtual finger holds each key down; raised to at least debounce + 2 scan periods + 10 ms.</summary>
    public int KeyHoldMs { get; init; } = 60;

    /// <summary>Pause between two key presses; raised to the same minimum (a shorter release reads as a chord).</summary>
    public int KeyGapMs { get; init; } = 50;

    /// <summary>When PIN entry starts and nothing is typed, the holder of the card in the field types the card's PIN from the cards file and #.</summary>
    public bool AutoTypePin { get; init; } = true;

    /// <summary>
    /// Install the cards file's key-A master at boot, as the device maker's flashing step does (default). False: the
    /// reader starts without a card key and the host installs it over the link (ProvisionCardKeys).
    /// </summary>
    public bool FlashCardKeys { get; init; } = true;

    /// <summary>Board name reported in Capabilities.</summary>
    public string BoardName { get; init; } = "desktop-simulator";
}
