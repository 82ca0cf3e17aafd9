namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// What an ISO 14443-3A anticollision/select returns: UID (4, 7 or 10 bytes), ATQA and SAK.
    /// Caller-owned and reused between polls so an idle poll allocates nothing.
    /// </summary>
    public sealed class DetectedCard
    {
        /// <summary>Longest ISO 14443-3A UID (triple size).</summary>
        public const int MaxUidLength = 10;

        /// <summary>UID bytes; only the first <see cref="UidLength"/> are meaningful.</summary>
        public readonly byte[] Uid = new byte[MaxUidLength];

        /// <summary>4, 7 or 10; 0 when nothing was detected.</summary>
        public int UidLength;

        /// <summary>Answer To Request, type A (e.g. 0x0004 for MIFARE Classic 1K).</summary>
        public ushort Atqa;

        /// <summary>Select Acknowledge (e.g. 0x08 for MIFARE Classic 1K).</summary>
        public byte Sak;

        /// <summary>True when SAK says MIFARE Classic 1K (0x08, or 0x88 on some clones); Mini (0x09) and 4K (0x18) are not.</summary>
        public bool IsMifareClassic1K
        {
            get { return Sak == 0x08 || Sak == 0x88; }
        }

        /// <summary>Forget the last card (UID bytes are zeroed, not just the length).</summary>
        public void Clear()
        {
            for (int i = 0; i < Uid.Length; i++)
            {
                Uid[i] = 0;
            }

            UidLength = 0;
            Atqa = 0;
            Sak = 0;
        }

        /// <summary>Copy another identity into this one without allocating.</summary>
        public void CopyFrom(DetectedCard other)
        {
            for (int i = 0; i < Uid.Length; i++)
            {
                Uid[i] = other.Uid[i];
            }

            UidLength = other.UidLength;
            Atqa = other.Atqa;
            Sak = other.Sak;
        }

        /// <summary>True when both identities carry the same UID (ATQA/SAK are not identity).</summary>
        public bool SameUid(DetectedCard other)
        {
            if (other == null || other.UidLength != UidLength)
            {
                return false;
            }

            for (int i = 0; i < UidLength; i++)
            {
                if (Uid[i] != other.Uid[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
