namespace MedCard.Protocol
{
    /// <summary>Outcome of decoding a payload or record. Anything but Ok means the object must not be used.</summary>
    public enum DecodeStatus : byte
    {
        /// <summary>The payload decoded.</summary>
        Ok = 0,

        /// <summary>The payload ends before the layout does.</summary>
        Truncated = 1,

        /// <summary>Bytes remain after the last field (layouts are exact within a protocol version).</summary>
        TrailingBytes = 2,

        /// <summary>A field has a value the layout forbids (length out of range, bad character, unknown enum...).</summary>
        InvalidField = 3,

        /// <summary>The message type is not one this code knows.</summary>
        UnknownType = 4,

        /// <summary>The frame flags do not fit the message (e.g. a request type flagged as a response).</summary>
        UnexpectedFlags = 5,
    }
}
