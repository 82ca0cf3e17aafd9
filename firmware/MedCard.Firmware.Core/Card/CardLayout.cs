using MedCard.Protocol;

namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Where the holder data lives on a MIFARE Classic 1K card (16 sectors x 4 blocks of 16 bytes; the
    /// last block of each sector is its trailer). Sectors 1-3 hold one 144-byte holder image in their
    /// nine data blocks, in this order: 4, 5, 6, 8, 9, 10, 12, 13, 14. The image itself (offsets, the issuer MAC) is
    /// <see cref="HolderImageLayout"/> in the protocol assembly, shared with the host that verifies the MAC; the
    /// constants here name the same offsets for the firmware. Sector 0 (manufacturer block) and sectors 4-15 are not used.
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
        public const byte Version = HolderImageLayout.Version;

        /// <summary>Offsets and sizes inside the image.</summary>
        public const int MagicOffset = HolderImageLayout.MagicOffset;
        /// <summary>Layout version byte.</summary>
        public const int VersionOffset = HolderImageLayout.VersionOffset;
        /// <summary>Gender byte.</summary>
        public const int GenderOffset = HolderImageLayout.GenderOffset;
        /// <summary>Resident ID (18 bytes).</summary>
        public const int ResidentIdOffset = HolderImageLayout.ResidentIdOffset;
        /// <summary>Card number length byte.</summary>
        public const int CardNumberLengthOffset = HolderImageLayout.CardNumberLengthOffset;
        /// <summary>Card number (20 bytes).</summary>
        public const int CardNumberOffset = HolderImageLayout.CardNumberOffset;
        /// <summary>Room for the card number.</summary>
        public const int CardNumberCapacity = HolderImageLayout.CardNumberCapacity;
        /// <summary>Name length byte.</summary>
        public const int NameLengthOffset = HolderImageLayout.NameLengthOffset;
        /// <summary>Name (48 bytes UTF-8).</summary>
        public const int NameOffset = HolderImageLayout.NameOffset;
        /// <summary>Room for the name in bytes.</summary>
        public const int NameCapacity = HolderImageLayout.NameCapacity;
        /// <summary>Reserved bytes (must be zero in version 1).</summary>
        public const int ReservedOffset = HolderImageLayout.ReservedOffset;
        /// <summary>Reserved length.</summary>
        public const int ReservedLength = HolderImageLayout.ReservedLength;
        /// <summary>Bytes covered by the issuer MAC.</summary>
        public const int MacCoveredLength = HolderImageLayout.CoveredLength;
        /// <summary>Issuer MAC (16 bytes).</summary>
        public const int MacOffset = HolderImageLayout.MacOffset;
        /// <summary>Issuer MAC length.</summary>
        public const int MacLength = HolderDataMac.Length;

        /// <summary>Domain prefix of the key-A diversification input.</summary>
        public const string SectorKeyADomain = "MedCard.SectorKeyA.v2";

        /// <summary>Domain prefix of the key-B diversification input (same length as key A's).</summary>
        public const string SectorKeyBDomain = "MedCard.SectorKeyB.v2";
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
