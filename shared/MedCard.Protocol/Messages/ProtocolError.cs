namespace MedCard.Protocol
{
    /// <summary>
    /// Payload of a frame flagged Error (type 0x7F): why a request was refused for good.
    /// Layout: code u8, offending message type u8.
    /// </summary>
    public sealed class ProtocolError : IMessage
    {
        public const int EncodedLength = 2;

        public ErrorCode Code;

        /// <summary>The type byte of the request that caused the error (echoed so unknown types can be named).</summary>
        public MessageType OffendingType;

        public ProtocolError()
        {
        }

        public ProtocolError(ErrorCode code, MessageType offendingType)
        {
            Code = code;
            OffendingType = offendingType;
        }

        public MessageType Type
        {
            get { return MessageType.ProtocolError; }
        }

        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Code);
            w.WriteByte((byte)OffendingType);
            return w.Length;
        }

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

        public static ProtocolError Decode(byte[] buf, int off, int count)
        {
            ProtocolError m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProtocolError);
            return m;
        }
    }
}
