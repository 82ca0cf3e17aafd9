namespace MedCard.Protocol
{
    /// <summary>Event 0x82: the card left the field (debounced). Layout: uidLen u8 (4/7/10), uid.</summary>
    public sealed class CardRemoved : IMessage
    {
        public byte[] Uid;

        public MessageType Type
        {
            get { return MessageType.CardRemoved; }
        }

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

        public static CardRemoved Decode(byte[] buf, int off, int count)
        {
            CardRemoved m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.CardRemoved);
            return m;
        }
    }
}
