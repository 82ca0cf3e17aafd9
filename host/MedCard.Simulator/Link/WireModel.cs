using System;
using System.Diagnostics;

namespace MedCard.Simulator.Link;

/// <summary>
/// How long each byte takes on the simulated UART. 8N1 sends 10 bits per byte, so at 115200 baud a byte
/// costs 86.8 us; a pseudo-terminal alone moves bytes in microseconds and would hide what the wire costs.
/// </summary>
public sealed record WireModel
{
    private WireModel(int baudRate)
    {
        BaudRate = baudRate;
    }

    /// <summary>No pacing: bytes move as fast as the pty or socket moves them.</summary>
    public static WireModel Unpaced { get; } = new WireModel(0);

    /// <summary>0 when unpaced.</summary>
    public int BaudRate { get; }

    /// <summary>True when bytes are paced like a UART.</summary>
    public bool IsPaced => BaudRate > 0;

    /// <summary>Time of one 10-bit character in <see cref="Stopwatch"/> ticks (0 when unpaced).</summary>
    public double TicksPerByte => IsPaced ? Stopwatch.Frequency * 10.0 / BaudRate : 0;

    /// <summary>Time of one character in microseconds (86.8 at 115200).</summary>
    public double MicrosecondsPerByte => IsPaced ? 10_000_000.0 / BaudRate : 0;

    /// <summary>An 8N1 UART at <paramref name="baudRate"/>.</summary>
    public static WireModel Uart8N1(int baudRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baudRate, 300);
        return new WireModel(baudRate);
    }

    /// <summary>"unpaced", or the baud rate and the time per byte.</summary>
    public override string ToString() => IsPaced ? BaudRate + " baud 8N1 (" + MicrosecondsPerByte.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " us/byte)" : "unpaced";
}
