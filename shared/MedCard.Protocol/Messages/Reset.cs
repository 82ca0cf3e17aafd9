namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x09. Layout: mode u8 (<see cref="ResetMode"/>), confirmReaderId u32 (FactoryWipe: must equal the
    /// reader's id, or 0 if it is unprovisioned, else Error InvalidState; Reboot: ignored, send 0).
    /// Answered by a bare ACK sent before the reader acts.
    /// </summary>
    public sealed class Reset : IMessage
    {
        public const int EncodedLength = 5;

        public ResetMode Mode;
        public uint ConfirmReaderId;

        public MessageType Type
        {
            get { return MessageType.Reset; }
        }

        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Mode);
            w.WriteUInt32(ConfirmReaderId);
            return w.Length;
        }

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

        public static Reset Decode(byte[] buf, int off, int count)
        {
            Reset m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.Reset);
            return m;
        }
    }
}
