namespace MedCard.Protocol
{
    /// <summary>
    /// The 5-byte frame header: version, message type, request id (big-endian), flags. A struct so handing a
    /// decoded header to a handler allocates nothing.
    /// </summary>
    public struct FrameHeader
    {
        public byte Version;
        public MessageType Type;
        public ushort RequestId;
        public FrameFlags Flags;

        public FrameHeader(MessageType type, ushort requestId, FrameFlags flags)
        {
            Version = FrameFormat.ProtocolVersion;
            Type = type;
            RequestId = requestId;
            Flags = flags;
        }

        /// <summary>A request (or event) header: no flags.</summary>
        public static FrameHeader Request(MessageType type, ushort requestId)
        {
            return new FrameHeader(type, requestId, FrameFlags.None);
        }

        /// <summary>The header of a typed data response to this request.</summary>
        public FrameHeader ToResponse(MessageType responseType)
        {
            return new FrameHeader(responseType, RequestId, FrameFlags.Response);
        }

        public bool IsResponse
        {
            get { return (Flags & FrameFlags.Response) != 0; }
        }

        public bool IsAck
        {
            get { return (Flags & FrameFlags.Ack) != 0; }
        }

        public bool IsNack
        {
            get { return (Flags & FrameFlags.Nack) != 0; }
        }

        public bool IsError
        {
            get { return (Flags & FrameFlags.Error) != 0; }
        }

        /// <summary>Writes the 5 header bytes at buf[off].</summary>
        public void Write(byte[] buf, int off)
        {
            buf[off] = Version;
            buf[off + 1] = (byte)Type;
            buf[off + 2] = (byte)(RequestId >> 8);
            buf[off + 3] = (byte)RequestId;
            buf[off + 4] = (byte)Flags;
        }

        /// <summary>Reads 5 header bytes from buf[off] (no validation: the decoder checks the version).</summary>
        public static FrameHeader Read(byte[] buf, int off)
        {
            FrameHeader h;
            h.Version = buf[off];
            h.Type = (MessageType)buf[off + 1];
            h.RequestId = (ushort)((buf[off + 2] << 8) | buf[off + 3]);
            h.Flags = (FrameFlags)buf[off + 4];
            return h;
        }

        public override string ToString()
        {
            // Concatenation rather than interpolation/Format: nanoFramework has neither handler nor Format(object).
            return "v" + Version.ToString() + " " + MessageTypes.Name(Type) + " #" + RequestId.ToString()
                + " flags=0x" + ((byte)Flags).ToString("X2");
        }
    }
}
