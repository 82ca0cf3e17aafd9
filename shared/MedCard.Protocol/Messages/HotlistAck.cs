namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x44 to <see cref="HotlistUpdate"/>. Layout: status u8 (<see cref="HotlistStatus"/>),
    /// activeVersion u32 (version in force after this chunk), activeEntries u16, stagingVersion u32 (0 = none),
    /// nextChunk u16 (index the reader expects next for stagingVersion).
    /// </summary>
    public sealed class HotlistAck : IMessage
    {
        public const int EncodedLength = 1 + 4 + 2 + 4 + 2;

        public HotlistStatus Status;
        public uint ActiveVersion;
        public ushort ActiveEntries;
        public uint StagingVersion;
        public ushort NextChunk;

        public MessageType Type
        {
            get { return MessageType.HotlistAck; }
        }

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

        public static HotlistAck Decode(byte[] buf, int off, int count)
        {
            HotlistAck m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.HotlistAck);
            return m;
        }
    }
}
