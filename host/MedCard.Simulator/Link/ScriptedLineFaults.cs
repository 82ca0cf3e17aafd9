using System;

namespace MedCard.Simulator.Link;

/// <summary>
/// Exactly the faults a test arms: "the 3rd frame from now, reader to host, is dropped". Used to put one
/// fault at every step of an exchange in turn. Unarmed frames pass intact.
/// </summary>
public sealed class ScriptedLineFaults : LineFaultPlan
{
    private readonly object _gate = new();
    private readonly int[] _skip = { -1, -1 };
    private readonly FrameFault[] _fault = new FrameFault[2];
    private readonly Random[] _details;

    /// <summary>A plan with no fault armed; <paramref name="seed"/> drives corrupt positions and noise bytes.</summary>
    public ScriptedLineFaults(int seed)
    {
        _details = new[] { new Random(seed), new Random(seed ^ 0x5A5A5A5A) };
    }

    /// <summary>Let <paramref name="skip"/> frames pass in <paramref name="direction"/>, then apply <paramref name="fault"/> to the next one (once).</summary>
    public void Arm(LinkDirection direction, int skip, FrameFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        lock (_gate)
        {
            _skip[(int)direction] = skip;
            _fault[(int)direction] = fault;
        }
    }

    /// <summary>True while an armed fault has not fired yet.</summary>
    public bool IsArmed(LinkDirection direction)
    {
        lock (_gate)
        {
            return _skip[(int)direction] >= 0;
        }
    }

    /// <summary>Cancel armed faults in both directions.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _skip[0] = _skip[1] = -1;
        }
    }

    /// <inheritdoc />
    public override Random RandomFor(LinkDirection direction) => _details[(int)direction];

    /// <inheritdoc />
    protected override FrameFault Decide(LinkDirection direction)
    {
        lock (_gate)
        {
            int d = (int)direction;
            if (_skip[d] < 0)
            {
                return FrameFault.None;
            }

            if (_skip[d]-- > 0)
            {
                return FrameFault.None;
            }

            return _fault[d];
        }
    }
}
