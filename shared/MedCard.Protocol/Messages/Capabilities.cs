namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x41 to <see cref="Hello"/>. Layout: firmwareMajor u8, firmwareMinor u8, firmwarePatch u16,
    /// protocolVersion u8, readerId u32 (0 = not provisioned), flags u16 (<see cref="CapabilityFlags"/>),
    /// maxFrameSize u16, boardNameLen u8 (1-32), boardName ASCII.
    /// </summary>
    public sealed class Capabilities : IMessage
    {
        /// <summary>Longest board name.</summary>
        public const int MaxBoardNameLength = 32;

        /// <summary>Firmware major version.</summary>
        public byte FirmwareMajor;
        /// <summary>Firmware minor version.</summary>
        public byte FirmwareMinor;
        /// <summary>Firmware patch version.</summary>
        public ushort FirmwarePatch;
        /// <summary>Protocol version the reader speaks.</summary>
        public byte ProtocolVersion = FrameFormat.ProtocolVersion;
        /// <summary>The reader id; 0 when not provisioned.</summary>
        public uint ReaderId;
        /// <summary>What the reader has and supports.</summary>
        public CapabilityFlags Flags;
        /// <summary>Largest unstuffed frame the reader accepts.</summary>
        public ushort MaxFrameSize = FrameFormat.MaxFrameSize;
        /// <summary>The board's name (1-32 ASCII characters).</summary>
        public string BoardName;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.Capabilities; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            if (BoardName == null || BoardName.Length < 1 || BoardName.Length > MaxBoardNameLength || !Ascii.IsPrintable(BoardName))
            {
                throw new System.ArgumentException("board name must be 1-32 printable ASCII characters");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte(FirmwareMajor);
            w.WriteByte(FirmwareMinor);
            w.WriteUInt16(FirmwarePatch);
            w.WriteByte(ProtocolVersion);
            w.WriteUInt32(ReaderId);
            w.WriteUInt16((ushort)Flags);
            w.WriteUInt16(MaxFrameSize);
            w.WriteAscii(BoardName);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out Capabilities message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            Capabilities m = new Capabilities();
            m.FirmwareMajor = r.ReadByte();
            m.FirmwareMinor = r.ReadByte();
            m.FirmwarePatch = r.ReadUInt16();
            m.ProtocolVersion = r.ReadByte();
            m.ReaderId = r.ReadUInt32();
            m.Flags = (CapabilityFlags)r.ReadUInt16();
            m.MaxFrameSize = r.ReadUInt16();
            m.BoardName = r.ReadAscii(1, MaxBoardNameLength);
            if (r.Ok && (m.ProtocolVersion == 0 || m.MaxFrameSize < FrameFormat.MinFrameSize))
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static Capabilities Decode(byte[] buf, int off, int count)
        {
            Capabilities m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.Capabilities);
            return m;
        }
    }
}
