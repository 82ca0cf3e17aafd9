using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Hardware;

/// <summary>LEDs and buzzer: remembers the LED states and the last beep, and raises <see cref="Changed"/> for the console.</summary>
internal sealed class SimulatedFeedback : IFeedback
{
    private readonly bool[] _leds = new bool[3];
    private readonly object _gate = new();

    /// <summary>Raised on the poll thread after every change; keep handlers short.</summary>
    public event EventHandler<FeedbackChange>? Changed;

    /// <summary>The last buzzer pattern started.</summary>
    public BeepPattern LastBeep { get; private set; }

    public bool IsOn(FeedbackLed led)
    {
        lock (_gate)
        {
            return _leds[(int)led];
        }
    }

    public void SetLed(FeedbackLed led, bool on)
    {
        bool changed;
        lock (_gate)
        {
            changed = _leds[(int)led] != on;
            _leds[(int)led] = on;
        }

        if (changed)
        {
            Changed?.Invoke(this, new FeedbackChange(led, on, BeepPattern.None));
        }
    }

    public void Beep(BeepPattern pattern)
    {
        LastBeep = pattern;
        if (pattern != BeepPattern.None)
        {
            Changed?.Invoke(this, new FeedbackChange(null, false, pattern));
        }
    }
}

/// <summary>One LED switched (<see cref="Led"/> set) or one beep started (<see cref="Beep"/> not None).</summary>
internal sealed record FeedbackChange(FeedbackLed? Led, bool On, BeepPattern Beep);
