namespace MedCard.Protocol
{
    /// <summary>
    /// The holder image as the card stores it (layout version 1), shared by the reader that reads it, the issuer that
    /// writes it and the host that verifies its issuer MAC. Offsets in the 144-byte image:
    /// <code>
    ///   0   2  magic "MC"
    ///   2   1  layout version (1)
    ///   3   1  gender (GB/T 2261.1: 0, 1, 2, 9)
    ///   4  18  resident ID number, ASCII, ISO 7064 MOD 11-2 check character last
    ///  22   1  card number length (1..20)
    ///  23  20  card number, ASCII digits / upper-case letters, zero padded
    ///  43   1  name length in bytes (1..48)
    ///  44  48  name, UTF-8, zero padded
    ///  92  36  reserved, zero
    /// 128  16  issuer MAC (<see cref="HolderDataMac"/>) over bytes 0..128 and the card UID
    /// </code>
    /// Every byte of 0..128 follows from the holder fields (padding and reserved bytes must be zero), so the host can
    /// rebuild exactly what the issuer MACed from the fields a reader forwards (<see cref="WriteCovered"/>).
    /// </summary>
    public static class HolderImageLayout
    {
        /// <summary>Size of the whole image.</summary>
        public const int ImageSize = 144;

        /// <summary>Layout version written at offset 2.</summary>
        public const byte Version = 1;

        /// <summary>Magic "MC".</summary>
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
        /// <summary>Reserved bytes (zero in version 1).</summary>
        public const int ReservedOffset = 92;
        /// <summary>Reserved length.</summary>
        public const int ReservedLength = 36;
        /// <summary>Bytes covered by the issuer MAC.</summary>
        public const int CoveredLength = 128;
        /// <summary>Issuer MAC offset.</summary>
        public const int MacOffset = 128;

        /// <summary>
        /// Write image[off..off+128) for these holder fields (validated by the caller: resident ID with a valid check
        /// character, card number 1..20 of 0-9A-Z, name 1..48 bytes of UTF-8, a GB/T 2261.1 gender code).
        /// </summary>
        public static void WriteCovered(string residentId, byte gender, string cardNumber, byte[] name, int nameLength, byte[] image, int off)
        {
            System.Array.Clear(image, off, CoveredLength);
            image[off + MagicOffset] = (byte)'M';
            image[off + MagicOffset + 1] = (byte)'C';
            image[off + VersionOffset] = Version;
            image[off + GenderOffset] = gender;
            Ascii.GetBytes(residentId, image, off + ResidentIdOffset);
            image[off + CardNumberLengthOffset] = (byte)cardNumber.Length;
            Ascii.GetBytes(cardNumber, image, off + CardNumberOffset);
            image[off + NameLengthOffset] = (byte)nameLength;
            System.Array.Copy(name, 0, image, off + NameOffset, nameLength);
        }
    }
}
