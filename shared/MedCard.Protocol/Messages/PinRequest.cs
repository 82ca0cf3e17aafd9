namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x02: ask the holder for the PIN on the reader's keypad. Layout: minLength u8, maxLength u8
    /// (4 &lt;= min &lt;= max &lt;= 12), triesRemaining u8 (hint for the display; 0xFF = not told), timeoutSeconds u8
    /// (&gt;= 1). Answered by <see cref="PinBlockResponse"/> when entry ends (the host waits timeout + margin).
    /// </summary>
    public sealed class PinRequest : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 4;
        /// <summary>Fewest digits a PIN may have.</summary>
        public const int MinPinLength = 4;
        /// <summary>Most digits a PIN may have.</summary>
        public const int MaxPinLength = 12;
        /// <summary>TriesRemaining value meaning "not told".</summary>
        public const byte TriesUnknown = 0xFF;

        /// <summary>Fewest digits the keypad accepts.</summary>
        public byte MinLength = MinPinLength;
        /// <summary>Most digits the keypad accepts.</summary>
        public byte MaxLength = MaxPinLength;
        /// <summary>Tries left, shown on the display; <see cref="TriesUnknown"/> when not told.</summary>
        public byte TriesRemaining = TriesUnknown;
        /// <summary>Seconds the keypad waits for a complete entry.</summary>
        public byte TimeoutSeconds = 30;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.PinRequest; }
        }

        /// <summary>True when the fields fit the layout; <see cref="Encode"/> throws otherwise.</summary>
        public bool HasValidFields()
        {
            return MinLength >= MinPinLength && MaxLength <= MaxPinLength && MinLength <= MaxLength && TimeoutSeconds >= 1;
        }

        /// <inheritdoc />
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

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
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

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static PinRequest Decode(byte[] buf, int off, int count)
        {
            PinRequest m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.PinRequest);
            return m;
        }
    }
}
