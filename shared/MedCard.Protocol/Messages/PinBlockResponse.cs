namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x42 to <see cref="PinRequest"/>. Layout: status u8 (<see cref="PinEntryStatus"/>); only when
    /// Entered: keyCounter u32 (the counter value the per-transaction PIN key is derived from, see the firmware
    /// README), pinBlock 16 (ISO 9564 format 4, AES-128 enciphered). The PIN itself never crosses the link.
    /// ToString never shows the block.
    /// </summary>
    public sealed class PinBlockResponse : IMessage
    {
        /// <summary>Bytes of the enciphered PIN block.</summary>
        public const int PinBlockLength = 16;

        /// <summary>How PIN entry ended.</summary>
        public PinEntryStatus Status;
        /// <summary>The counter value the per-transaction PIN key is derived from; set only when Entered.</summary>
        public uint KeyCounter;

        /// <summary>The enciphered PIN block (secret-grade: never log it); null unless Entered.</summary>
        public byte[] PinBlock;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.PinBlockResponse; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            if (Status == PinEntryStatus.Entered)
            {
                if (PinBlock == null || PinBlock.Length != PinBlockLength)
                {
                    throw new System.ArgumentException("PIN block must be 16 bytes");
                }

                w.WriteUInt32(KeyCounter);
                w.WriteBytes(PinBlock, 0, PinBlockLength);
            }

            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out PinBlockResponse message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            PinBlockResponse m = new PinBlockResponse();
            m.Status = (PinEntryStatus)r.ReadByte();
            if (r.Ok && (byte)m.Status > (byte)PinEntryStatus.Hotlisted)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            if (r.Ok && m.Status == PinEntryStatus.Entered)
            {
                m.KeyCounter = r.ReadUInt32();
                m.PinBlock = r.ReadBytes(PinBlockLength);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static PinBlockResponse Decode(byte[] buf, int off, int count)
        {
            PinBlockResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.PinBlockResponse);
            return m;
        }

        /// <summary>Status and key counter; never the block.</summary>
        public override string ToString()
        {
            return "PinBlockResponse status=" + ((byte)Status).ToString() + " keyCounter=" + KeyCounter.ToString() + " block=<redacted>";
        }
    }
}
