using System;
using System.Threading;
using MedCard.Simulator.Link;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>A fault plan the test can turn off (to settle the books on a clean line at the end).</summary>
internal sealed class SwitchableFaults : LineFaultPlan
{
    private readonly LineFaultPlan _inner;
    private int _enabled = 1;

    public SwitchableFaults(LineFaultPlan inner)
    {
        _inner = inner;
    }

    public bool Enabled
    {
        get => Volatile.Read(ref _enabled) != 0;
        set => Volatile.Write(ref _enabled, value ? 1 : 0);
    }

    public override Random RandomFor(LinkDirection direction) => _inner.RandomFor(direction);

    protected override FrameFault Decide(LinkDirection direction) => Enabled ? _inner.Next(direction) : FrameFault.None;
}
