namespace MedCard.Protocol
{
    /// <summary>Reader state bits in StatusResponse.</summary>
    [System.Flags]
    public enum StatusFlags : byte
    {
        /// <summary>Nothing set.</summary>
        None = 0x00,
        /// <summary>Reader id and key are set.</summary>
        Provisioned = 0x01,
        /// <summary>A card is in the field.</summary>
        CardPresent = 0x02,

        /// <summary>The journal is full: authorizations are refused until the host acknowledges records.</summary>
        JournalFull = 0x04,

        /// <summary>A hotlist version is being staged (chunks missing).</summary>
        HotlistStaging = 0x08,

        /// <summary>The card-system keys are installed (without them every card reads as Unreadable).</summary>
        CardKeysInstalled = 0x10,
    }
}
