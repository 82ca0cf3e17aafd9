namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x45 to <see cref="JournalRead"/>: one chunk of the range. Layout: latestCounter u32 (highest
    /// counter the reader has signed, 0 = none), oldestCounter u32 (lowest counter still journaled, 0 = journal
    /// empty), nextCounter u32 (first counter of the range not in this chunk, 0 = range complete),
    /// recordCount u8 (0-5), then the records' wire forms back to back (each is self-delimiting).
    /// Records are in increasing counter order; counters the journal no longer holds (acknowledged and pruned,
    /// or a gap left by a power cut) are simply absent.
    /// </summary>
    public sealed class JournalRecords : IMessage
    {
        /// <summary>Bytes before the records.</summary>
        public const int FixedLength = 4 + 4 + 4 + 1;

        /// <summary>Records of maximum size that always fit one frame.</summary>
        public const int MaxRecordsPerChunk = (FrameFormat.MaxPayloadSize - FixedLength) / SignedRecord.MaxEncodedLength;

        /// <summary>Highest counter the reader has signed; 0 for none.</summary>
        public uint LatestCounter;
        /// <summary>Lowest counter still journaled; 0 when the journal is empty.</summary>
        public uint OldestCounter;
        /// <summary>First counter of the range not in this chunk; 0 when the range is complete.</summary>
        public uint NextCounter;
        /// <summary>The records of this chunk, in increasing counter order.</summary>
        public SignedRecord[] Records;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.JournalRecords; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            int n = Records == null ? 0 : Records.Length;
            if (n > MaxRecordsPerChunk)
            {
                throw new System.ArgumentException("too many records for one chunk");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(LatestCounter);
            w.WriteUInt32(OldestCounter);
            w.WriteUInt32(NextCounter);
            w.WriteByte((byte)n);
            int len = w.Length;
            for (int i = 0; i < n; i++)
            {
                len += Records[i].Encode(buf, off + len);
            }

            return len;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out JournalRecords message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            JournalRecords m = new JournalRecords();
            m.LatestCounter = r.ReadUInt32();
            m.OldestCounter = r.ReadUInt32();
            m.NextCounter = r.ReadUInt32();
            int n = r.ReadByte();
            if (r.Ok && n > MaxRecordsPerChunk)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            if (r.Ok)
            {
                m.Records = new SignedRecord[n];
                for (int i = 0; i < n && r.Ok; i++)
                {
                    m.Records[i] = SignedRecord.Read(ref r);
                    if (r.Ok && i > 0 && m.Records[i].Counter <= m.Records[i - 1].Counter)
                    {
                        r.Fail(DecodeStatus.InvalidField);
                    }
                }
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static JournalRecords Decode(byte[] buf, int off, int count)
        {
            JournalRecords m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.JournalRecords);
            return m;
        }
    }
}
