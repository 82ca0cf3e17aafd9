namespace MedCard.Protocol
{
    /// <summary>How PIN entry ended (PinBlockResponse).</summary>
    public enum PinEntryStatus : byte
    {
        /// <summary>A PIN was entered; the enciphered block follows.</summary>
        Entered = 0,

        /// <summary>The holder pressed cancel.</summary>
        Cancelled = 1,

        /// <summary>No complete entry before the timeout.</summary>
        Timeout = 2,

        /// <summary>The card left the field during entry.</summary>
        CardRemoved = 3,

        /// <summary>No card in the field when the request arrived.</summary>
        NoCard = 4,

        /// <summary>No reader key: no PIN key can be derived.</summary>
        NotProvisioned = 5,

        /// <summary>The card is on the hotlist: PIN entry refused before it starts.</summary>
        Hotlisted = 6,
    }
}
