namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x4A to <see cref="ProvisionCardKeys"/>. Layout: status u8 (<see cref="CardKeysStatus"/>). Nothing
    /// else: no key, no key check value.
    /// </summary>
    public sealed class ProvisionCardKeysResponse : IMessage
    {
        public const int EncodedLength = 1;

        public CardKeysStatus Status;

        public MessageType Type
        {
            get { return MessageType.ProvisionCardKeysResponse; }
        }

        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out ProvisionCardKeysResponse message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            ProvisionCardKeysResponse m = new ProvisionCardKeysResponse();
            m.Status = (CardKeysStatus)r.ReadByte();
            if (r.Ok && (byte)m.Status > (byte)CardKeysStatus.StorageFailure)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        public static ProvisionCardKeysResponse Decode(byte[] buf, int off, int count)
        {
            ProvisionCardKeysResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProvisionCardKeysResponse);
            return m;
        }
    }
}
