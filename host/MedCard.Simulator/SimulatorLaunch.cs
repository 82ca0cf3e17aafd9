using System;
using System.IO;
using MedCard.Simulator.Cards;
using MedCard.Simulator.Link;

namespace MedCard.Simulator;

/// <summary>
/// What a command line (`medcard sim`) passes to <see cref="SimulatorConsole.RunAsync"/>: plain values, so the
/// caller needs no knowledge of the simulator's types. <see cref="ToOptions"/> builds the full options.
/// </summary>
public sealed record SimulatorLaunch
{
    /// <summary>Cards file (JSON, see README); null = the built-in demo deck.</summary>
    public string? CardsFile { get; init; }

    /// <summary>Directory for the reader's persistent state; null = a temporary one (a fresh reader every run).</summary>
    public string? StoreDirectory { get; init; }

    /// <summary>Serve on this TCP port instead of a pseudo-terminal (0 = any free port).</summary>
    public int? TcpPort { get; init; }

    /// <summary>Pace the link like a UART at this baud rate (e.g. 115200); null = unpaced.</summary>
    public int? BaudRate { get; init; }

    /// <summary>Start with this card on the reader (label, card number or UID).</summary>
    public string? PlaceCard { get; init; }

    /// <summary>The full simulator options these launch settings stand for.</summary>
    public SimulatorOptions ToOptions() => new()
    {
        Cards = CardsFile is null ? CardDeck.Demo() : CardDeck.Load(CardsFile),
        StoreDirectory = StoreDirectory is null ? null : Path.GetFullPath(StoreDirectory),
        TcpPort = TcpPort,
        Wire = BaudRate is int baud ? WireModel.Uart8N1(baud) : WireModel.Unpaced,
    };
}
