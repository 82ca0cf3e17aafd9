using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary><see cref="IMonotonicClock"/> from Environment.TickCount64 (ms since boot, never steps).</summary>
    public sealed class TickCountClock : IMonotonicClock
    {
        /// <inheritdoc/>
        public long NowMs
        {
            get { return Environment.TickCount64; }
        }
    }
}
