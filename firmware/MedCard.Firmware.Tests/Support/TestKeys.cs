namespace MedCard.Firmware.Tests
{
    /// <summary>Fixed keys and identities of the test scheme (never used outside tests).</summary>
    public static class TestKeys
    {
        public const uint ReaderId = 0x00C0FFEE;

        /// <summary>Reader key 00 01 02 .. 1F.</summary>
        public static byte[] ReaderKey()
        {
            return Sequence(0x00, 32);
        }

        /// <summary>Sector master key 40 41 .. 5F.</summary>
        public static byte[] SectorMasterKey()
        {
            return Sequence(0x40, 32);
        }

        /// <summary>Issuer key 80 81 .. 9F.</summary>
        public static byte[] IssuerKey()
        {
            return Sequence(0x80, 32);
        }

        public static byte[] Uid4()
        {
            return new byte[] { 0xDE, 0xAD, 0xBE, 0xEF };
        }

        public static byte[] Uid7()
        {
            return new byte[] { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66 };
        }

        /// <summary>The GB 11643 example number (check character X).</summary>
        public const string ResidentId = "11010519491231002X";

        public const string CardNumber = "A12345678";

        /// <summary>"张三" in UTF-8.</summary>
        public static byte[] NameUtf8()
        {
            return new byte[] { 0xE5, 0xBC, 0xA0, 0xE4, 0xB8, 0x89 };
        }

        public static byte[] Sequence(int first, int count)
        {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++)
            {
                b[i] = (byte)(first + i);
            }

            return b;
        }

        public static byte[] FromHex(string hex)
        {
            byte[] b = new byte[hex.Length / 2];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
            }

            return b;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c - 'A' + 10;
        }
    }
}
