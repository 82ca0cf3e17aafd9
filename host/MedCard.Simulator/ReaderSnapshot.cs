using MedCard.Firmware.Reader;

namespace MedCard.Simulator;

/// <summary>
/// What the simulated reader looks like after a pass of its loop; published whenever it changes. Holds no
/// secret: the PIN shows only as a digit count, as on the device.
/// </summary>
public sealed record ReaderSnapshot(
    ReaderState State,
    bool CardPresent,
    string? CardNumber,
    uint ReaderId,
    uint Counter,
    int JournalCount,
    int PinDigitCount,
    int Boots,
    bool HostAttached)
{
    /// <summary>A freshly booted reader: idle, no card, not provisioned.</summary>
    public static ReaderSnapshot Initial { get; } = new(ReaderState.Idle, false, null, 0, 0, 0, 0, 0, false);
}
