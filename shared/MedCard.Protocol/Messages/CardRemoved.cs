namespace MedCard.Protocol
{
    /// <summary>Event 0x82: the card left the field (debounced). Layout: uidLen u8 (4/7/10), uid.</summary>
    public sealed class CardRemoved : IMessage
    {
        /// <summary>UID of the card that left the field.</summary>
        public byte[] Uid;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.CardRemoved; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            if (!CardIdentity.IsValidUid(Uid))
            {
                throw new System.ArgumentException("UID must be 4, 7 or 10 bytes");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteLengthPrefixed(Uid);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out CardRemoved message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            CardRemoved m = new CardRemoved();
            m.Uid = r.ReadLengthPrefixed(4, CardIdentity.MaxUidLength);
            if (r.Ok && !CardIdentity.IsValidUid(m.Uid))
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static CardRemoved Decode(byte[] buf, int off, int count)
        {
            CardRemoved m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.CardRemoved);
            return m;
        }
    }
}
