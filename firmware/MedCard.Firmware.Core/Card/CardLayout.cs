namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Where the holder data lives on a MIFARE Classic 1K card (16 sectors x 4 blocks of 16 bytes; the
    /// last block of each sector is its trailer). Sectors 1-3 hold one 144-byte holder image in their
    /// nine data blocks, in this order: 4, 5, 6, 8, 9, 10, 12, 13, 14. Image offsets:
    /// <code>
    ///   0   2  magic "MC"
    ///   2   1  layout version (1)
    ///   3   1  gender (GB/T 2261.1: 0, 1, 2, 9)
    ///   4  18  resident ID number, ASCII, ISO 7064 MOD 11-2 check character last
    ///  22   1  card number length (1..20)
    ///  23  20  card number, ASCII digits / upper-case letters, zero padded
    ///  43   1  name length in bytes (1..48, what CardPresented carries)
    ///  44  48  name, UTF-8, zero padded
    ///  92  36  reserved, zero
    /// 128  16  issuer MAC = HMAC-SHA256(issuer key, "MedCard.HolderData.v1" | uidLen | UID zero-padded to 10 | image[0..128))[0..16]
    /// </code>
    /// Sector 0 (manufacturer block) and sectors 4-15 are not used.
    /// </summary>
    public static class CardLayout
    {
        /// <summary>First holder sector.</summary>
        public const int FirstSector = 1;

        /// <summary>Number of holder sectors.</summary>
        public const int SectorCount = 3;

        /// <summary>Data blocks per sector (the fourth is the trailer).</summary>
        public const int DataBlocksPerSector = 3;

        /// <summary>MIFARE block size.</summary>
        public const int BlockSize = 16;

        /// <summary>Size of the holder image (9 blocks).</summary>
        public const int ImageSize = SectorCount * DataBlocksPerSector * BlockSize;

        /// <summary>Layout version written at offset 2.</summary>
        public const byte Version = 1;

        /// <summary>Offsets and sizes inside the image.</summary>
        public const int MagicOffset = 0;
        /// <summary>Layout version byte.</summary>
        public const int VersionOffset = 2;
        /// <summary>Gender byte.</summary>
        public const int GenderOffset = 3;
        /// <summary>Resident ID (18 bytes).</summary>
        public const int ResidentIdOffset = 4;
        /// <summary>Card number length byte.</summary>
        public const int CardNumberLengthOffset = 22;
        /// <summary>Card number (20 bytes).</summary>
        public const int CardNumberOffset = 23;
        /// <summary>Room for the card number.</summary>
        public const int CardNumberCapacity = 20;
        /// <summary>Name length byte.</summary>
        public const int NameLengthOffset = 43;
        /// <summary>Name (48 bytes UTF-8).</summary>
        public const int NameOffset = 44;
        /// <summary>Room for the name in bytes.</summary>
        public const int NameCapacity = 48;
        /// <summary>Reserved bytes (must be zero in version 1).</summary>
        public const int ReservedOffset = 92;
        /// <summary>Reserved length.</summary>
        public const int ReservedLength = 36;
        /// <summary>Bytes covered by the issuer MAC.</summary>
        public const int MacCoveredLength = 128;
        /// <summary>Issuer MAC (16 bytes).</summary>
        public const int MacOffset = 128;
        /// <summary>Issuer MAC length.</summary>
        public const int MacLength = 16;

        /// <summary>Domain prefix of the issuer MAC input.</summary>
        public const string IssuerMacDomain = "MedCard.HolderData.v1";

        /// <summary>Domain prefix of the sector key diversification input.</summary>
        public const string SectorKeyDomain = "MedCard.SectorKey.v1";

        /// <summary>
        /// Access bytes 6-8 of our sector trailers. Data blocks: C1C2C3 = 100 (read with key A or B,
        /// write with key B only). Trailer: 011 (key A never readable, written with key B; access bits
        /// readable with A or B, written with B; key B never readable, written with key B).
        /// Computed by <see cref="AccessBits.Encode"/>; equals 78 77 88.
        /// </summary>
        public static readonly byte[] TrailerAccessBytes = AccessBits.Encode(4, 4, 4, 3);

        /// <summary>General purpose byte 9 of the trailer: the layout version, for forensic reading.</summary>
        public const byte TrailerGeneralPurposeByte = Version;

        /// <summary>Absolute block number of the n-th (0..8) holder data block.</summary>
        public static int DataBlock(int index)
        {
            int sector = FirstSector + (index / DataBlocksPerSector);
            return (sector * 4) + (index % DataBlocksPerSector);
        }

        /// <summary>Absolute block number of a sector's trailer.</summary>
        public static int TrailerBlock(int sector)
        {
            return (sector * 4) + 3;
        }
    }
}
