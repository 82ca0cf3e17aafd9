namespace MedCard.Protocol
{
    /// <summary>
    /// The 5-byte frame header: version, message type, request id (big-endian), flags. A struct so handing a
    /// decoded header to a handler allocates nothing.
    /// </summary>
    public struct FrameHeader
    {
        /// <summary>Protocol version (header byte 0).</summary>
        public byte Version;
        /// <summary>Message type.</summary>
        public MessageType Type;
        /// <summary>Request id; an answer carries the id of its request.</summary>
        public ushort RequestId;
        /// <summary>Response, ACK, NACK and error flags.</summary>
        public FrameFlags Flags;

        /// <summary>A header of this protocol version.</summary>
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

        /// <summary>True for any answer to a request.</summary>
        public bool IsResponse
        {
            get { return (Flags & FrameFlags.Response) != 0; }
        }

        /// <summary>True for a bare acknowledgement.</summary>
        public bool IsAck
        {
            get { return (Flags & FrameFlags.Ack) != 0; }
        }

        /// <summary>True for "not now" (busy, not ready): the sender retries with the same id.</summary>
        public bool IsNack
        {
            get { return (Flags & FrameFlags.Nack) != 0; }
        }

        /// <summary>True for a refusal for good; the payload is a <see cref="ProtocolError"/>.</summary>
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

        /// <summary>Type, request id and flags for traces.</summary>
        public override string ToString()
        {
            // Concatenation rather than interpolation/Format: nanoFramework has neither handler nor Format(object).
            return "v" + Version.ToString() + " " + MessageTypes.Name(Type) + " #" + RequestId.ToString()
                + " flags=0x" + ((byte)Flags).ToString("X2");
        }
    }
}
