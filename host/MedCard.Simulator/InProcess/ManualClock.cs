using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.InProcess;

/// <summary>The reader's monotonic clock, moved only by the in-process driver: a settlement never waits for real time.</summary>
internal sealed class ManualClock : IMonotonicClock
{
    public long NowMs { get; set; }
}
