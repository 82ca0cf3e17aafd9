namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x05: read journal records with fromCounter &lt;= counter &lt;= toCounter. Layout: fromCounter u32
    /// (&gt;= 1), toCounter u32 (&gt;= from; 0xFFFFFFFF = up to the latest). Answered by <see cref="JournalRecords"/>,
    /// which holds as many records as fit one frame; continue from its NextCounter.
    /// </summary>
    public sealed class JournalRead : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 8;
        /// <summary>ToCounter value meaning "up to the latest".</summary>
        public const uint Latest = 0xFFFFFFFF;

        /// <summary>First counter of the range (at least 1).</summary>
        public uint FromCounter = 1;
        /// <summary>Last counter of the range; <see cref="Latest"/> for up to the latest.</summary>
        public uint ToCounter = Latest;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.JournalRead; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            if (FromCounter == 0 || ToCounter < FromCounter)
            {
                throw new System.ArgumentException("journal range is empty");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(FromCounter);
            w.WriteUInt32(ToCounter);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out JournalRead message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            JournalRead m = new JournalRead();
            m.FromCounter = r.ReadUInt32();
            m.ToCounter = r.ReadUInt32();
            if (r.Ok && (m.FromCounter == 0 || m.ToCounter < m.FromCounter))
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static JournalRead Decode(byte[] buf, int off, int count)
        {
            JournalRead m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.JournalRead);
            return m;
        }
    }
}
