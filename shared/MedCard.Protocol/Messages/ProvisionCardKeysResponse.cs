namespace MedCard.Protocol
{
    /// <summary>
    /// Response 0x4A to <see cref="ProvisionCardKeys"/>. Layout: status u8 (<see cref="CardKeysStatus"/>). Nothing
    /// else: no key, no key check value.
    /// </summary>
    public sealed class ProvisionCardKeysResponse : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 1;

        /// <summary>Whether the card key was stored.</summary>
        public CardKeysStatus Status;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.ProvisionCardKeysResponse; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteByte((byte)Status);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
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

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static ProvisionCardKeysResponse Decode(byte[] buf, int off, int count)
        {
            ProvisionCardKeysResponse m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProvisionCardKeysResponse);
            return m;
        }
    }
}
