namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x02: ask the holder for the PIN on the reader's keypad. Layout: minLength u8, maxLength u8
    /// (4 &lt;= min &lt;= max &lt;= 12), triesRemaining u8 (hint for the display; 0xFF = not told), timeoutSeconds u8
    /// (&gt;= 1). Answered by <see cref="PinBlockResponse"/> when entry ends (the host waits timeout + margin).
    /// </summary>
    public sealed class PinRequest : IMessage
    {
        public const int EncodedLength = 4;
        public const int MinPinLength = 4;
        public const int MaxPinLength = 12;
        public const byte TriesUnknown = 0xFF;

        public byte MinLength = MinPinLength;
        public byte MaxLength = MaxPinLength;
        public byte TriesRemaining = TriesUnknown;
        public byte TimeoutSeconds = 30;

        public MessageType Type
        {
            get { return MessageType.PinRequest; }
        }

        public bool HasValidFields()
        {
            return MinLength >= MinPinLength && MaxLength <= MaxPinLength && MinLength <= MaxLength && TimeoutSeconds >= 1;
        }

        public int Encode(byte[] buf, int off)
        {
            if (!HasValidFields())
            {
                throw new System.ArgumentException("PIN request limits out of range");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte(MinLength);
            w.WriteByte(MaxLength);
            w.WriteByte(TriesRemaining);
            w.WriteByte(TimeoutSeconds);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out PinRequest message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            PinRequest m = new PinRequest();
            m.MinLength = r.ReadByte();
            m.MaxLength = r.ReadByte();
            m.TriesRemaining = r.ReadByte();
            m.TimeoutSeconds = r.ReadByte();
            if (r.Ok && !m.HasValidFields())
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        public static PinRequest Decode(byte[] buf, int off, int count)
        {
            PinRequest m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.PinRequest);
            return m;
        }
    }
}
