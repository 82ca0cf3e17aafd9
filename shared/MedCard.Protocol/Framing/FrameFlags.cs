namespace MedCard.Protocol
{
    /// <summary>
    /// Header flags. A request or event has none set. Every answer has <see cref="Response"/> plus at most one of
    /// <see cref="Ack"/>, <see cref="Nack"/>, <see cref="Error"/> (none of them = a typed data response).
    /// Bits 4-7 are reserved: send 0, ignore on receipt.
    /// </summary>
    [System.Flags]
    public enum FrameFlags : byte
    {
        /// <summary>A request or event.</summary>
        None = 0x00,

        /// <summary>The frame answers the request (or event) with the same request id.</summary>
        Response = 0x01,

        /// <summary>Bare acknowledgement: accepted and done, nothing to return. Empty payload.</summary>
        Ack = 0x02,

        /// <summary>Intact but not accepted now (transient); retry the same request id later. Payload: NackReason.</summary>
        Nack = 0x04,

        /// <summary>Refused for good; payload is a <see cref="ProtocolError"/>.</summary>
        Error = 0x08,
    }
}
