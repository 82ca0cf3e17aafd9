namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x47 to <see cref="Provision"/>. Layout: status u8 (<see cref="ProvisionStatus"/>), readerId u32
    /// (the reader's id after the request, 0 = none). Never carries key material.
    /// </summary>
    public sealed class ProvisionResponse : IMessage
    {
        public const int EncodedLength = 5;

        public ProvisionStatus Status;
        public uint ReaderId;

        public MessageType Type
        {
            get { return MessageType.ProvisionResponse; }
        }

        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            w.WriteUInt32(ReaderId);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out ProvisionResponse message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            ProvisionResponse m = new ProvisionResponse();
            m.Status = (ProvisionStatus)r.ReadByte();
            m.ReaderId = r.ReadUInt32();
            if (r.Ok && (byte)m.Status > (byte)ProvisionStatus.StorageFailure)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        public static ProvisionResponse Decode(byte[] buf, int off, int count)
        {
            ProvisionResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProvisionResponse);
            return m;
        }
    }
}
