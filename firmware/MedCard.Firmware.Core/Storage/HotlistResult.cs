using MedCard.Protocol;

namespace MedCard.Firmware.Storage
{
    /// <summary>What applying one hotlist chunk did; maps one to one onto <see cref="HotlistAck"/>.</summary>
    public struct HotlistResult
    {
        /// <summary>Outcome of the chunk.</summary>
        public HotlistStatus Status;

        /// <summary>Version in force after the chunk.</summary>
        public uint ActiveVersion;

        /// <summary>Entries of the version in force.</summary>
        public int ActiveEntries;

        /// <summary>Version being staged, 0 when none.</summary>
        public uint StagingVersion;

        /// <summary>Chunk index expected next for the staging version.</summary>
        public int NextChunk;
    }
}
