using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>Monotonic and wall clock the test moves by hand.</summary>
    public sealed class FakeClock : IMonotonicClock, IWallClock
    {
        private uint _utc;
        private bool _set;

        public long NowMs { get; set; }

        public uint UtcSeconds
        {
            get { return _set ? _utc + (uint)(NowMs / 1000) : 0; }
        }

        public bool IsSet
        {
            get { return _set; }
        }

        public void SetUtcSeconds(uint utcSeconds)
        {
            _utc = utcSeconds - (uint)(NowMs / 1000);
            _set = true;
        }
    }
}
