namespace MedCard.Protocol
{
    /// <summary>
    /// Sizes of the frame format. A frame before stuffing is header (5) + payload (0..MaxPayloadSize) + CRC-32 (4);
    /// on the wire it is COBS(frame) followed by one 0x00 delimiter.
    /// </summary>
    public static class FrameFormat
    {
        /// <summary>The protocol version this code speaks (header byte 0).</summary>
        public const byte ProtocolVersion = 1;

        /// <summary>version(1) + type(1) + request id(2) + flags(1).</summary>
        public const int HeaderSize = 5;

        /// <summary>CRC-32 trailer size.</summary>
        public const int CrcSize = 4;

        /// <summary>Largest unstuffed frame (header + payload + CRC). Sized for a journal chunk of 5 records.</summary>
        public const int MaxFrameSize = 512;

        /// <summary>Smallest unstuffed frame: header and CRC, no payload.</summary>
        public const int MinFrameSize = HeaderSize + CrcSize;

        /// <summary>Largest payload of one frame.</summary>
        public const int MaxPayloadSize = MaxFrameSize - HeaderSize - CrcSize;

        /// <summary>Largest frame on the wire: COBS overhead for MaxFrameSize plus the delimiter.</summary>
        public const int MaxEncodedFrameSize = MaxFrameSize + 1 + MaxFrameSize / 254 + 1;

        /// <summary>The frame delimiter.</summary>
        public const byte Delimiter = 0x00;
    }
}
