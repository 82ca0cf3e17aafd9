namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x06: the host has stored and verified every record with counter &lt;= upToCounter; the reader may
    /// prune them. Layout: upToCounter u32. Answered by a bare ACK, or an Error (InvalidState) if upToCounter is
    /// beyond the reader's latest counter. Idempotent: acknowledging an already pruned range is not an error.
    /// </summary>
    public sealed class JournalAck : IMessage
    {
        public const int EncodedLength = 4;

        public uint UpToCounter;

        public MessageType Type
        {
            get { return MessageType.JournalAck; }
        }

        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(UpToCounter);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out JournalAck message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            JournalAck m = new JournalAck();
            m.UpToCounter = r.ReadUInt32();
            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        public static JournalAck Decode(byte[] buf, int off, int count)
        {
            JournalAck m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.JournalAck);
            return m;
        }
    }
}
