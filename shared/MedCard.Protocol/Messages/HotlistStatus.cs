namespace MedCard.Protocol
{
    /// <summary>What the reader did with a HotlistUpdate chunk.</summary>
    public enum HotlistStatus : byte
    {
        /// <summary>Chunk staged; send <see cref="HotlistAck.NextChunk"/> next.</summary>
        ChunkStored = 0,

        /// <summary>Last chunk stored: the new version is now in force.</summary>
        Activated = 1,

        /// <summary>Chunk index is not the one expected (NextChunk says which is); nothing stored.</summary>
        OutOfOrder = 2,

        /// <summary>The reader's hotlist storage is full; the staged version was discarded.</summary>
        Full = 3,

        /// <summary>Version not newer than the active one; ignored.</summary>
        Stale = 4,

        /// <summary>Writing failed; the staged version was discarded.</summary>
        StorageFailure = 5,
    }
}
