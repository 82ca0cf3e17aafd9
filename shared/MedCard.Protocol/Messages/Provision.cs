namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x07: set the reader id and 32-byte HMAC key, once. Layout: readerId u32 (&gt;= 1), key 32.
    /// Answered by <see cref="ProvisionResponse"/>, which never echoes the key. The key is a secret: ToString
    /// hides it, and <see cref="Wipe"/> clears it once stored.
    /// </summary>
    public sealed class Provision : IMessage
    {
        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 4 + SignedRecord.KeyLength;

        /// <summary>The reader id to set (at least 1).</summary>
        public uint ReaderId;
        /// <summary>The reader's 32-byte HMAC key (secret).</summary>
        public byte[] Key;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.Provision; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            if (ReaderId == 0 || Key == null || Key.Length != SignedRecord.KeyLength)
            {
                throw new System.ArgumentException("provisioning needs a reader id >= 1 and a 32-byte key");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(ReaderId);
            w.WriteBytes(Key, 0, SignedRecord.KeyLength);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out Provision message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            Provision m = new Provision();
            m.ReaderId = r.ReadUInt32();
            m.Key = r.ReadBytes(SignedRecord.KeyLength);
            if (r.Ok && m.ReaderId == 0)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            if (status != DecodeStatus.Ok)
            {
                ConstantTime.Wipe(m.Key);
            }

            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static Provision Decode(byte[] buf, int off, int count)
        {
            Provision m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.Provision);
            return m;
        }

        /// <summary>Clears the key in this object.</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(Key);
        }

        /// <summary>The reader id; the key redacted.</summary>
        public override string ToString()
        {
            return "Provision reader=" + ReaderId.ToString() + " key=<redacted>";
        }
    }
}
