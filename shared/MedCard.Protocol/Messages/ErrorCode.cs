namespace MedCard.Protocol
{
    /// <summary>Stable error codes of <see cref="ProtocolError"/>. Never renumber, only add.</summary>
    public enum ErrorCode : byte
    {
        /// <summary>The message type is unknown to the receiver.</summary>
        UnknownMessageType = 1,

        /// <summary>The payload does not decode (truncated, trailing bytes, invalid field).</summary>
        MalformedPayload = 2,

        /// <summary>The flags do not fit the message (e.g. a response type sent as a request).</summary>
        UnexpectedFlags = 3,

        /// <summary>The reader has no key yet; only Hello, StatusRequest, Provision and Reset work.</summary>
        NotProvisioned = 4,

        /// <summary>The request is valid but not in the current state (e.g. JournalAck beyond the counter).</summary>
        InvalidState = 5,

        /// <summary>Storage failed; the request had no effect.</summary>
        StorageFailure = 6,

        /// <summary>Anything else; the request had no effect.</summary>
        Internal = 7,
    }
}
