namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// UTC time in seconds since the Unix epoch, as stamped into signed records. The ESP32 has no
    /// battery-backed clock, so the time is whatever the host last set; <see cref="IsSet"/> says
    /// whether that happened since boot.
    /// </summary>
    public interface IWallClock
    {
        /// <summary>Seconds since 1970-01-01T00:00:00Z (0 when not set).</summary>
        uint UtcSeconds { get; }

        /// <summary>True once <see cref="SetUtcSeconds"/> succeeded since boot.</summary>
        bool IsSet { get; }

        /// <summary>Set the clock (from the host's Hello/Status exchange).</summary>
        void SetUtcSeconds(uint utcSeconds);
    }
}
