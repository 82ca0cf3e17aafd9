using System;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
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
