namespace MedCard.Protocol
{
    /// <summary>Why <see cref="FrameDecoder"/> dropped a frame. Values also index the drop counters.</summary>
    public enum FrameDropReason : byte
    {
        /// <summary>CRC-32 trailer does not match header + payload.</summary>
        BadCrc = 1,

        /// <summary>The stuffed bytes are not valid COBS (a block runs past the delimiter).</summary>
        BadCobs = 2,

        /// <summary>More than <see cref="FrameFormat.MaxFrameSize"/> bytes before the delimiter.</summary>
        TooLong = 3,

        /// <summary>Fewer than header + CRC bytes.</summary>
        TooShort = 4,

        /// <summary>CRC is good but header byte 0 is not <see cref="FrameFormat.ProtocolVersion"/>.</summary>
        UnknownVersion = 5,
    }
}
