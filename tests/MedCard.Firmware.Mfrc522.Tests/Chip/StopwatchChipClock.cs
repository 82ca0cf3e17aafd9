using System;
using System.Diagnostics;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>Real time: the binding waits on its own Stopwatch, so the chip's timer runs in the same time.</summary>
    public sealed class StopwatchChipClock : IChipClock
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        /// <inheritdoc/>
        public TimeSpan Now => _watch.Elapsed;
    }
}
