using System.Diagnostics;
using System.Threading;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Hardware;

/// <summary>Milliseconds since the simulator started, from <see cref="Stopwatch"/> (monotonic, like TickCount64 on the device).</summary>
internal sealed class SystemMonotonicClock : IMonotonicClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public long NowMs => (long)Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
}

/// <summary>
/// The ESP32's wall clock: not set at boot (the chip has no battery-backed RTC), set from the host's Hello,
/// then running on the monotonic clock.
/// </summary>
internal sealed class SimulatedWallClock : IWallClock
{
    private readonly IMonotonicClock _monotonic;
    private long _setAtMs;
    private long _setTo;
    private int _isSet;

    public SimulatedWallClock(IMonotonicClock monotonic)
    {
        _monotonic = monotonic;
    }

    public uint UtcSeconds => Volatile.Read(ref _isSet) == 0 ? 0 : (uint)(Interlocked.Read(ref _setTo) + ((_monotonic.NowMs - Interlocked.Read(ref _setAtMs)) / 1000));

    public bool IsSet => Volatile.Read(ref _isSet) != 0;

    public void SetUtcSeconds(uint utcSeconds)
    {
        Interlocked.Exchange(ref _setAtMs, _monotonic.NowMs);
        Interlocked.Exchange(ref _setTo, utcSeconds);
        Volatile.Write(ref _isSet, 1);
    }
}
