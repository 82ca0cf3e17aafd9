namespace MedCard.Protocol
{
    /// <summary>
    /// Request 0x0A: install the card-system keys, once. Layout: readerId u32 (must equal the reader's provisioned id,
    /// so keys meant for one reader cannot land on another by a wrong port), sectorMasterKey 32, issuerKey 32.
    /// Answered by <see cref="ProvisionCardKeysResponse"/>, a status that never echoes either key. Both keys are
    /// secrets: ToString hides them, and <see cref="Wipe"/> clears them once stored.
    /// A new message rather than a longer Provision: within protocol version 1 payload layouts are exact, so a reader
    /// that does not know this type answers UnknownMessageType and the host can fall back to the drop file.
    /// </summary>
    public sealed class ProvisionCardKeys : IMessage
    {
        /// <summary>Length of each key.</summary>
        public const int KeyLength = 32;

        public const int EncodedLength = 4 + KeyLength + KeyLength;

        public uint ReaderId;

        /// <summary>Diversified per card and sector into the MIFARE keys (firmware core README).</summary>
        public byte[] SectorMasterKey;

        /// <summary>Checks the issuer MAC of the holder data.</summary>
        public byte[] IssuerKey;

        public MessageType Type
        {
            get { return MessageType.ProvisionCardKeys; }
        }

        public int Encode(byte[] buf, int off)
        {
            if (ReaderId == 0 || SectorMasterKey == null || SectorMasterKey.Length != KeyLength
                || IssuerKey == null || IssuerKey.Length != KeyLength)
            {
                throw new System.ArgumentException("card keys need the reader id >= 1 and two 32-byte keys");
            }

            PayloadWriter w = new PayloadWriter(buf, off);
            w.WriteUInt32(ReaderId);
            w.WriteBytes(SectorMasterKey, 0, KeyLength);
            w.WriteBytes(IssuerKey, 0, KeyLength);
            return w.Length;
        }

        public static DecodeStatus TryDecode(byte[] buf, int off, int count, out ProvisionCardKeys message)
        {
            PayloadReader r = new PayloadReader(buf, off, count);
            ProvisionCardKeys m = new ProvisionCardKeys();
            m.ReaderId = r.ReadUInt32();
            m.SectorMasterKey = r.ReadBytes(KeyLength);
            m.IssuerKey = r.ReadBytes(KeyLength);
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

        public static ProvisionCardKeys Decode(byte[] buf, int off, int count)
        {
            ProvisionCardKeys m;
            DecodeFailure.ThrowIfFailed(TryDecode(buf, off, count, out m), MessageType.ProvisionCardKeys);
            return m;
        }

        /// <summary>Clears both keys in this object.</summary>
        public void Wipe()
        {
            ConstantTime.Wipe(SectorMasterKey);
            ConstantTime.Wipe(IssuerKey);
        }

        public override string ToString()
        {
            return "ProvisionCardKeys reader=" + ReaderId.ToString() + " keys=<redacted>";
        }
    }
}
