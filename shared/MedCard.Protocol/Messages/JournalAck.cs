namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x06: the host has stored and verified every record with counter &lt;= upToCounter; the reader may
    /// prune them. Layout: upToCounter u32. Answered by a bare ACK, or an Error (InvalidState) if upToCounter is
    /// beyond the reader's latest counter. Idempotent: acknowledging an already pruned range is not an error.
    /// </summary>
    public sealed class JournalAck : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 4;

        /// <summary>Every record up to this counter is safe on the host; the reader may prune them.</summary>
        public uint UpToCounter;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.JournalAck; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(UpToCounter);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out JournalAck message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            JournalAck m = new JournalAck();
            m.UpToCounter = r.ReadUInt32();
            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static JournalAck Decode(byte[] buf, int off, int count)
        {
            JournalAck m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.JournalAck);
            return m;
        }
    }
}
