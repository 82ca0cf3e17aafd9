using System;
using System.Diagnostics;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>Time as the MFRC522's 13.56 MHz clock sees it: only the timer unit (rev 3.9 8.5) needs it.</summary>
    public interface IChipClock
    {
        /// <summary>Time since an arbitrary origin.</summary>
        TimeSpan Now { get; }
    }

    /// <summary>Real time: the binding waits on its own Stopwatch, so the chip's timer runs in the same time.</summary>
    public sealed class StopwatchChipClock : IChipClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        /// <inheritdoc/>
        public TimeSpan Now => _watch.Elapsed;
    }

    /// <summary>Time moved by the test, for exact timer checks.</summary>
    public sealed class ManualChipClock : IChipClock
    {
        /// <inheritdoc/>
        public TimeSpan Now { get; private set; }

        /// <summary>Move time forward.</summary>
        public void Advance(TimeSpan by)
        {
            Now += by;
        }
    }
}
