namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x0A: install the reader's card key, once. Layout: readerId u32 (must equal the reader's provisioned id,
    /// so a key meant for one reader cannot land on another by a wrong port), keyAMasterKey 32. That is everything a
    /// reader needs to READ cards: the MIFARE key A of each holder sector is diversified from it. The key-B master and the
    /// issuer's holder-data MAC key never leave the issuer (personalisation station and host), so a reader taken apart
    /// cannot derive the keys that write cards, nor sign holder data. Answered by <see cref="ProvisionCardKeysResponse"/>,
    /// a status that never echoes the key. ToString hides it, and <see cref="Wipe"/> clears it once stored.
    /// A new message rather than a longer Provision: within protocol version 1 payload layouts are exact, so a reader
    /// that does not know this type answers UnknownMessageType and the host can fall back to the drop file.
    /// </summary>
    public sealed class ProvisionCardKeys : IMessage
    {
        /// <summary>Length of the key.</summary>
        public const int KeyLength = 32;

        /// <summary>Payload length in bytes.</summary>
        public const int EncodedLength = 4 + KeyLength;

        /// <summary>Must equal the reader's provisioned id.</summary>
        public uint ReaderId;

        /// <summary>Diversified per card and sector into the MIFARE key A (firmware core README).</summary>
        public byte[] KeyAMasterKey;

        /// <inheritdoc />
        public MessageType Type
        {
            get { return MessageType.ProvisionCardKeys; }
        }

        /// <inheritdoc />
        public int Encode(byte[] buf, int off)
        {
            if (ReaderId == 0 || KeyAMasterKey == null || KeyAMasterKey.Length != KeyLength)
            {
                throw new System.ArgumentException("card keys need the reader id >= 1 and a 32-byte key-A master");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(ReaderId);
            w.WriteBytes(KeyAMasterKey, 0, KeyLength);
            return w.Length;
        }

        /// <summary>Decodes the payload at buf[off..off+count); on failure <paramref name="message"/> is null and the status says why.</summary>
        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out ProvisionCardKeys message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            ProvisionCardKeys m = new ProvisionCardKeys();
            m.ReaderId = r.ReadUInt32();
            m.KeyAMasterKey = r.ReadBytes(KeyLength);
            if (r.Ok && m.ReaderId == 0)
            {
                r.Fail(DecodeStatus.InvalidField);
            }

            DecodeStatus status = r.Finish();
            if (status != DecodeStatus.Ok)
            {
                m.Wipe();
            }

            message = status == DecodeStatus.Ok ? m : null;
            return status;
        }

        /// <summary>Decodes the payload at buf[off..off+count), or throws <see cref="System.FormatException"/>.</summary>
        public static ProvisionCardKeys Decode(byte[] buf, int off, int count)
        {
            ProvisionCardKeys m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProvisionCardKeys);
            return m;
        }

        /// <summary>Clears the key in this object.</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(KeyAMasterKey);
        }

        /// <summary>The reader id; the key redacted.</summary>
        public override string ToString()
        {
            return "ProvisionCardKeys reader=" + ReaderId.ToString() + " key=<redacted>";
        }
    }
}
