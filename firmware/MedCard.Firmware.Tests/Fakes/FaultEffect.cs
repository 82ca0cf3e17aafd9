namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>What a faulted Write or Delete leaves behind (Exists and Read change nothing).</summary>
    public enum FaultEffect
    {
        /// <summary>Nothing happened: the file keeps its old content (or stays missing).</summary>
        Untouched = 0,

        /// <summary>Write: the file had been truncated by the open and is gone. Delete: the file was deleted.</summary>
        Missing = 1,

        /// <summary>Write: only the first Offset new bytes made it; the file is that long.</summary>
        Truncated = 2,

        /// <summary>Write: overwritten in place, Offset new bytes then whatever old bytes followed.</summary>
        NewPrefixOldSuffix = 3,

        /// <summary>Write: every byte written, the one at Offset inverted.</summary>
        Garbled = 4,

        /// <summary>Write: all bytes landed and only the flush or close reported the error (or the power failed after it).</summary>
        Landed = 5,
    }
}
