using System;
using System.Threading;

namespace MedCard.Simulator.Link;

/// <summary>
/// Decides, frame by frame, what the simulated line does (see <see cref="FrameFault"/>). Implementations are
/// deterministic for a given seed and frame sequence; the counters say what was actually injected, so a test
/// can prove its faults happened.
/// </summary>
public abstract class LineFaultPlan
{
    private long _dropped;
    private long _duplicated;
    private long _corrupted;
    private long _noisy;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Duplicated => Interlocked.Read(ref _duplicated);

    public long Corrupted => Interlocked.Read(ref _corrupted);

    public long Noisy => Interlocked.Read(ref _noisy);

    public long Total => Dropped + Duplicated + Corrupted + Noisy;

    /// <summary>The fault for the next frame in <paramref name="direction"/>. Called once per frame, per direction from one thread.</summary>
    public FrameFault Next(LinkDirection direction)
    {
        FrameFault fault = Decide(direction);
        switch (fault)
        {
            case FrameFault.Drop:
                Interlocked.Increment(ref _dropped);
                break;
            case FrameFault.Duplicate:
                Interlocked.Increment(ref _duplicated);
                break;
            case FrameFault.Corrupt:
                Interlocked.Increment(ref _corrupted);
                break;
            case FrameFault.Noise:
                Interlocked.Increment(ref _noisy);
                break;
        }

        return fault;
    }

    /// <summary>Random source for corrupt positions and noise bytes in <paramref name="direction"/> (deterministic per plan).</summary>
    public abstract Random RandomFor(LinkDirection direction);

    protected abstract FrameFault Decide(LinkDirection direction);

    public override string ToString() =>
        GetType().Name + "(dropped " + Dropped + ", duplicated " + Duplicated + ", corrupted " + Corrupted + ", noise " + Noisy + ")";
}
