namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>What a write interrupted by a power cut leaves in the file.</summary>
    public enum TearMode
    {
        /// <summary>Cut before the first byte: the file keeps its old content.</summary>
        Untouched = 0,

        /// <summary>The file system had truncated it: the file is gone.</summary>
        Missing = 1,

        /// <summary>Only the first TearOffset new bytes made it; the file is that long.</summary>
        Truncated = 2,

        /// <summary>Overwritten in place: TearOffset new bytes, then whatever old bytes followed.</summary>
        NewPrefixOldSuffix = 3,

        /// <summary>Every byte written but one came out wrong (the byte at TearOffset is inverted).</summary>
        Garbled = 4,
    }
}
