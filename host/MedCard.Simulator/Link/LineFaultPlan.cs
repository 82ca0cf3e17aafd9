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

    /// <summary>Frames dropped so far.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames sent twice so far.</summary>
    public long Duplicated => Interlocked.Read(ref _duplicated);

    /// <summary>Frames with one bit flipped so far.</summary>
    public long Corrupted => Interlocked.Read(ref _corrupted);

    /// <summary>Frames preceded by noise bytes so far.</summary>
    public long Noisy => Interlocked.Read(ref _noisy);

    /// <summary>All faults injected so far.</summary>
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

    /// <summary>The fault for the next frame in <paramref name="direction"/>; <see cref="Next"/> counts it.</summary>
    protected abstract FrameFault Decide(LinkDirection direction);

    /// <summary>The plan's type and its counters.</summary>
    public override string ToString() =>
        GetType().Name + "(dropped " + Dropped + ", duplicated " + Duplicated + ", corrupted " + Corrupted + ", noise " + Noisy + ")";
}
