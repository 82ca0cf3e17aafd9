using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Devices
{
    /// <summary>The reader's wall clock: unset at boot, set from the host, then running on the host's monotonic time.</summary>
    public sealed class SimulatorWallClock : IWallClock
    {
        private readonly object _gate = new object();
        private uint _setTo;
        private long _setAtTimestamp;

        public uint UtcSeconds
        {
            get
            {
                lock (_gate)
                {
                    if (!IsSet)
                    {
                        return 0;
                    }
                    TimeSpan since = System.Diagnostics.Stopwatch.GetElapsedTime(_setAtTimestamp);
                    return _setTo + (uint)since.TotalSeconds;
                }
            }
        }

        public bool IsSet { get; private set; }

        public void SetUtcSeconds(uint utcSeconds)
        {
            lock (_gate)
            {
                _setTo = utcSeconds;
                _setAtTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
                IsSet = true;
            }
        }
    }
}
