namespace MedCard.Protocol
{
    /// <summary>How a HotlistUpdate chunk names blocked cards.</summary>
    public enum HotlistEntryKind : byte
    {
        /// <summary>Each entry: cardNumberLen u8 + card number ASCII.</summary>
        CardNumber = 1,

        /// <summary>Each entry: 8 bytes, <see cref="HotlistUpdate.ComputeUidHash"/> of the card UID.</summary>
        UidHash = 2,
    }
}
