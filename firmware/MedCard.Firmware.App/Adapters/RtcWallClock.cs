using System;
using MedCard.Firmware.Hardware;
using nanoFramework.Runtime.Native;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IWallClock"/> on the ESP32's RTC. The board keeps no time across power loss, so the clock
    /// reports "not set" until the host sets it; DateTime.UtcNow is only trusted after that.
    /// </summary>
    public sealed class RtcWallClock : IWallClock
    {
        // 1970-01-01T00:00:00Z in DateTime ticks.
        private const long UnixEpochTicks = 621355968000000000L;
        private const long TicksPerSecond = 10000000L;

        private bool _isSet;

        /// <inheritdoc/>
        public uint UtcSeconds
        {
            get
            {
                if (!_isSet)
                {
                    return 0;
                }

                long seconds = (DateTime.UtcNow.Ticks - UnixEpochTicks) / TicksPerSecond;
                return seconds <= 0 ? 0u : (uint)seconds;
            }
        }

        /// <inheritdoc/>
        public bool IsSet
        {
            get { return _isSet; }
        }

        /// <inheritdoc/>
        public void SetUtcSeconds(uint utcSeconds)
        {
            DateTime time = new DateTime(UnixEpochTicks + (utcSeconds * TicksPerSecond), DateTimeKind.Utc);
            if (Rtc.SetSystemTime(time))
            {
                _isSet = true;
            }
        }
    }
}
