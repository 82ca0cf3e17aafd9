namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x47 to <see cref="Provision"/>. Layout: status u8 (<see cref="ProvisionStatus"/>), readerId u32
    /// (the reader's id after the request, 0 = none). Never carries key material.
    /// </summary>
    public sealed class ProvisionResponse : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 5;

        /// <summary>Whether the reader was provisioned.</summary>
        public ProvisionStatus Status;
        /// <summary>The reader's id after the request; 0 for none.</summary>
        public uint ReaderId;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.ProvisionResponse; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            w.WriteUInt32(ReaderId);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
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

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static ProvisionResponse Decode(byte[] buf, int off, int count)
        {
            ProvisionResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProvisionResponse);
            return m;
        }
    }
}
