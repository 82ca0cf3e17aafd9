using MedCard.Firmware.Storage;

namespace MedCard.Firmware.Reader
{
    /// <summary>Sizes and timings of a reader; the defaults are the production values.</summary>
    public sealed class ReaderOptions
    {
        /// <summary>Unacknowledged records the journal holds before refusing transactions.</summary>
        public int JournalCapacity = Journal.DefaultCapacity;

        /// <summary>Hotlist entries.</summary>
        public int HotlistCapacity = Hotlist.DefaultCapacity;

        /// <summary>Answers remembered for retries.</summary>
        public int ResponseCacheSize = ResponseCache.DefaultSize;

        /// <summary>Intervals and timeouts.</summary>
        public ReaderTimings Timings = new ReaderTimings();
    }
}
