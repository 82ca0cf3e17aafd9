using System;

namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>Time as the MFRC522's 13.56 MHz clock sees it: only the timer unit (rev 3.9 8.5) needs it.</summary>
    public interface IChipClock
    {
        /// <summary>Time since an arbitrary origin.</summary>
        TimeSpan Now { get; }
    }
}
