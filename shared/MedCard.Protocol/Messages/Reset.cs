namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x09. Layout: mode u8 (<see cref="ResetMode"/>), confirmReaderId u32 (FactoryWipe: must equal the
    /// reader's id, or 0 if it is unprovisioned, else Error InvalidState; Reboot: ignored, send 0).
    /// Answered by a bare ACK sent before the reader acts.
    /// </summary>
    public sealed class Reset : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 5;

        /// <summary>Reboot or factory wipe.</summary>
        public ResetMode Mode;
        /// <summary>For a factory wipe, the reader's id (0 if unprovisioned); 0 for a reboot.</summary>
        public uint ConfirmReaderId;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.Reset; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Mode);
            w.WriteUInt32(ConfirmReaderId);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out Reset message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            Reset m = new Reset();
            m.Mode = (ResetMode)r.ReadByte();
            m.ConfirmReaderId = r.ReadUInt32();
            if (r.Ok && m.Mode != ResetMode.Reboot && m.Mode != ResetMode.FactoryWipe)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static Reset Decode(byte[] buf, int off, int count)
        {
            Reset m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.Reset);
            return m;
        }
    }
}
