using System;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The MFRC522 timer unit (rev 3.9 section 8.5; TModeReg/TPrescalerReg 9.3.3.10, TReloadReg 9.3.3.11,
    /// TCounterValReg 9.3.3.12). The counter is loaded with TReloadVal and counts down at
    /// f_timer = 13.56 MHz / (2 * TPrescaler + 1) (or + 2 with DemodReg TPrescalEven); TimerIRq is raised when it
    /// passes zero, i.e. after (2 * TPrescaler + 1) * (TReloadVal + 1) / 13.56 MHz. With TAutoRestart it reloads and
    /// goes on; otherwise it stops at zero. Evaluated lazily from <see cref="IChipClock"/> whenever a register is read.
    /// TGated (MFIN/AUX1 gating) is not modelled.
    /// </summary>
    public sealed class ChipTimer
    {
        private const double ChipClockHz = 13_560_000.0;

        private readonly IChipClock _clock;
        private TimeSpan _start;
        private double _tickSeconds;
        private int _reload;
        private bool _autoRestart;
        private long _expiriesSeen;
        private int _stoppedValue;

        /// <summary>Create a stopped timer.</summary>
        public ChipTimer(IChipClock clock)
        {
            _clock = clock;
        }

        /// <summary>Status1Reg TRunning.</summary>
        public bool Running { get; private set; }

        /// <summary>Load TReloadVal and start counting (TAuto at end of transmission, or ControlReg TStartNow).</summary>
        public void Start(int prescaler, bool prescalEven, int reload, bool autoRestart)
        {
            _start = _clock.Now;
            _tickSeconds = ((2.0 * prescaler) + (prescalEven ? 2 : 1)) / ChipClockHz;
            _reload = reload;
            _autoRestart = autoRestart;
            _expiriesSeen = 0;
            Running = true;
        }

        /// <summary>Stop counting (ControlReg TStopNow, or the 5th received bit with TAuto); the counter keeps its value.</summary>
        public void Stop()
        {
            if (Running)
            {
                _stoppedValue = CurrentValue();
                Poll();
                Running = false;
            }
        }

        /// <summary>True when the counter passed zero since the last poll (TimerIRq to be set).</summary>
        public bool Poll()
        {
            if (!Running)
            {
                return false;
            }

            long ticks = ElapsedTicks();
            long period = (long)_reload + 1;
            long expiries = ticks / period;
            if (!_autoRestart && expiries >= 1)
            {
                // A one-shot timer stops at zero after raising TimerIRq once.
                _stoppedValue = 0;
                Running = false;
                bool first = _expiriesSeen == 0;
                _expiriesSeen = 1;
                return first;
            }

            bool fired = expiries > _expiriesSeen;
            _expiriesSeen = expiries;
            return fired;
        }

        /// <summary>TCounterValReg.</summary>
        public int CounterValue()
        {
            return Running ? CurrentValue() : _stoppedValue;
        }

        private int CurrentValue()
        {
            long ticks = ElapsedTicks();
            long period = (long)_reload + 1;
            long intoPeriod = _autoRestart ? ticks % period : Math.Min(ticks, _reload);
            return (int)Math.Max(0, _reload - intoPeriod);
        }

        private long ElapsedTicks()
        {
            return (long)Math.Floor((_clock.Now - _start).TotalSeconds / _tickSeconds);
        }
    }
}
