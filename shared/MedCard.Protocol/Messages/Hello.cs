namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x01: the host's greeting after opening the link. Layout: protocolVersion u8, hostTime u32
    /// (seconds since 1970 UTC; the reader may use it for hotlist age before the first AuthorizeRequest).
    /// Answered by <see cref="Capabilities"/>.
    /// </summary>
    public sealed class Hello : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 5;

        /// <summary>Protocol version the host speaks.</summary>
        public byte ProtocolVersion = FrameFormat.ProtocolVersion;
        /// <summary>Host time, seconds since 1970 UTC.</summary>
        public uint HostTime;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.Hello; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte(ProtocolVersion);
            w.WriteUInt32(HostTime);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out Hello message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            Hello m = new Hello();
            m.ProtocolVersion = r.ReadByte();
            m.HostTime = r.ReadUInt32();
            if (r.Ok && m.ProtocolVersion == 0)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static Hello Decode(byte[] buf, int off, int count)
        {
            Hello m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.Hello);
            return m;
        }
    }
}
