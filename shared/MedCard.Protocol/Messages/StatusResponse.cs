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
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 4 + 1 + 4 + 2 + 2 + 4 + 4 + 4 + 7 * 4;
        /// <summary>HotlistAgeSeconds value meaning "never received".</summary>
        public const uint AgeUnknown = 0xFFFFFFFF;

        /// <summary>The reader id; 0 when not provisioned.</summary>
        public uint ReaderId;
        /// <summary>Reader state bits.</summary>
        public StatusFlags Flags;
        /// <summary>Last counter persisted.</summary>
        public uint Counter;
        /// <summary>Records in the journal.</summary>
        public ushort JournalCount;
        /// <summary>Records the journal can hold.</summary>
        public ushort JournalCapacity;
        /// <summary>Hotlist version in force.</summary>
        public uint HotlistVersion;
        /// <summary>Seconds since the hotlist was received; <see cref="AgeUnknown"/> when never.</summary>
        public uint HotlistAgeSeconds = AgeUnknown;
        /// <summary>Seconds since the reader started.</summary>
        public uint UptimeSeconds;
        /// <summary>Frames the reader's decoder accepted.</summary>
        public uint FramesAccepted;
        /// <summary>Stuffed bytes of frames the reader dropped.</summary>
        public uint DroppedBytes;
        /// <summary>Frames the reader dropped for a CRC mismatch.</summary>
        public uint DroppedBadCrc;
        /// <summary>Frames the reader dropped for invalid COBS stuffing.</summary>
        public uint DroppedBadCobs;
        /// <summary>Frames the reader dropped for exceeding the maximum size.</summary>
        public uint DroppedTooLong;
        /// <summary>Frames the reader dropped for being too short.</summary>
        public uint DroppedTooShort;
        /// <summary>Frames the reader dropped for an unknown protocol version.</summary>
        public uint DroppedUnknownVersion;

        /// <inheritdoc />
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

        /// <inheritdoc />
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

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
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

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static StatusResponse Decode(byte[] buf, int off, int count)
        {
            StatusResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.StatusResponse);
            return m;
        }
    }
}
