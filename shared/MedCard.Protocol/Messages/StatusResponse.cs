namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x48 to <see cref="StatusRequest"/>: diagnostics. Layout (53 bytes): readerId u32, flags u8
    /// (<see cref="StatusFlags"/>), counter u32 (last counter persisted), journalCount u16, journalCapacity u16,
    /// hotlistVersion u32, hotlistAgeSeconds u32 (0xFFFFFFFF = never received), uptimeSeconds u32, then the
    /// reader's frame decoder counters: framesAccepted, droppedBytes, droppedBadCrc, droppedBadCobs,
    /// droppedTooLong, droppedTooShort, droppedUnknownVersion (u32 each).
    /// </summary>
    public sealed class StatusResponse : IMessage
    {
        public const int EncodedLength = 4 + 1 + 4 + 2 + 2 + 4 + 4 + 4 + 7 * 4;
        public const uint AgeUnknown = 0xFFFFFFFF;

        public uint ReaderId;
        public StatusFlags Flags;
        public uint Counter;
        public ushort JournalCount;
        public ushort JournalCapacity;
        public uint HotlistVersion;
        public uint HotlistAgeSeconds = AgeUnknown;
        public uint UptimeSeconds;
        public uint FramesAccepted;
        public uint DroppedBytes;
        public uint DroppedBadCrc;
        public uint DroppedBadCobs;
        public uint DroppedTooLong;
        public uint DroppedTooShort;
        public uint DroppedUnknownVersion;

        public MessageType Type
        {
            get { return MessageType.StatusResponse; }
        }

        /// <summary>Copies the counters of the reader's frame decoder.</summary>
        public void CopyCounters(FrameDecoder decoder)
        {
            FramesAccepted = decoder.FramesAccepted;
            DroppedBytes = decoder.DroppedBytes;
            DroppedBadCrc = decoder.DroppedBadCrc;
            DroppedBadCobs = decoder.DroppedBadCobs;
            DroppedTooLong = decoder.DroppedTooLong;
            DroppedTooShort = decoder.DroppedTooShort;
            DroppedUnknownVersion = decoder.DroppedUnknownVersion;
        }

        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(ReaderId);
            w.WriteByte((byte)Flags);
            w.WriteUInt32(Counter);
            w.WriteUInt16(JournalCount);
            w.WriteUInt16(JournalCapacity);
            w.WriteUInt32(HotlistVersion);
            w.WriteUInt32(HotlistAgeSeconds);
            w.WriteUInt32(UptimeSeconds);
            w.WriteUInt32(FramesAccepted);
            w.WriteUInt32(DroppedBytes);
            w.WriteUInt32(DroppedBadCrc);
            w.WriteUInt32(DroppedBadCobs);
            w.WriteUInt32(DroppedTooLong);
            w.WriteUInt32(DroppedTooShort);
            w.WriteUInt32(DroppedUnknownVersion);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out StatusResponse message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            StatusResponse m = new StatusResponse();
            m.ReaderId = r.ReadUInt32();
            m.Flags = (StatusFlags)r.ReadByte();
            m.Counter = r.ReadUInt32();
            m.JournalCount = r.ReadUInt16();
            m.JournalCapacity = r.ReadUInt16();
            m.HotlistVersion = r.ReadUInt32();
            m.HotlistAgeSeconds = r.ReadUInt32();
            m.UptimeSeconds = r.ReadUInt32();
            m.FramesAccepted = r.ReadUInt32();
            m.DroppedBytes = r.ReadUInt32();
            m.DroppedBadCrc = r.ReadUInt32();
            m.DroppedBadCobs = r.ReadUInt32();
            m.DroppedTooLong = r.ReadUInt32();
            m.DroppedTooShort = r.ReadUInt32();
            m.DroppedUnknownVersion = r.ReadUInt32();
            if (r.Ok && m.JournalCount > m.JournalCapacity)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        public static StatusResponse Decode(byte[] buf, int off, int count)
        {
            StatusResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.StatusResponse);
            return m;
        }
    }
}
