namespace MedCard.Protocol
{
    /// <summary>
    /// Payload of a frame flagged Error (type 0x7F): why a request was refused for good.
    /// Layout: code u8, offending message type u8.
    /// </summary>
    public sealed class ProtocolError : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 2;

        /// <summary>Why the request was refused.</summary>
        public ErrorCode Code;

        /// <summary>The type byte of the request that caused the error (echoed so unknown types can be named).</summary>
        public MessageType OffendingType;

        /// <summary>An empty error, filled in by decoding.</summary>
        public ProtocolError()
        {
        }

        /// <summary>An error <paramref name="code"/> for a request of <paramref name="offendingType"/>.</summary>
        public ProtocolError(ErrorCode code, MessageType offendingType)
        {
            Code = code;
            OffendingType = offendingType;
        }

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.ProtocolError; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Code);
            w.WriteByte((byte)OffendingType);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out ProtocolError message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            ProtocolError m = new ProtocolError();
            m.Code = (ErrorCode)r.ReadByte();
            m.OffendingType = (MessageType)r.ReadByte();
            if (r.Ok && m.Code == 0)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static ProtocolError Decode(byte[] buf, int off, int count)
        {
            ProtocolError m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProtocolError);
            return m;
        }
    }
}
