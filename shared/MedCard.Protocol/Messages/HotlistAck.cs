namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x44 to <see cref="HotlistUpdate"/>. Layout: status u8 (<see cref="HotlistStatus"/>),
    /// activeVersion u32 (version in force after this chunk), activeEntries u16, stagingVersion u32 (0 = none),
    /// nextChunk u16 (index the reader expects next for stagingVersion).
    /// </summary>
    public sealed class HotlistAck : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 1 + 4 + 2 + 4 + 2;

        /// <summary>ChunkStored, Activated, OutOfOrder, Full, Stale or StorageFailure.</summary>
        public HotlistStatus Status;
        /// <summary>Hotlist version in force after this chunk.</summary>
        public uint ActiveVersion;
        /// <summary>Entries of the version in force.</summary>
        public ushort ActiveEntries;
        /// <summary>Version being staged; 0 for none.</summary>
        public uint StagingVersion;
        /// <summary>Chunk index the reader expects next for the staged version.</summary>
        public ushort NextChunk;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.HotlistAck; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            w.WriteUInt32(ActiveVersion);
            w.WriteUInt16(ActiveEntries);
            w.WriteUInt32(StagingVersion);
            w.WriteUInt16(NextChunk);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out HotlistAck message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            HotlistAck m = new HotlistAck();
            m.Status = (HotlistStatus)r.ReadByte();
            m.ActiveVersion = r.ReadUInt32();
            m.ActiveEntries = r.ReadUInt16();
            m.StagingVersion = r.ReadUInt32();
            m.NextChunk = r.ReadUInt16();
            if (r.Ok && (byte)m.Status > (byte)HotlistStatus.StorageFailure)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static HotlistAck Decode(byte[] buf, int off, int count)
        {
            HotlistAck m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.HotlistAck);
            return m;
        }
    }
}
