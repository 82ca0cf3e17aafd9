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

        /// <summary>Key-A master 40 41 .. 5F: the one card key a reader gets.</summary>
        public static byte[] KeyAMasterKey()
        {
            return Sequence(0x40, 32);
        }

        /// <summary>Issuer's key-B master C0 C1 .. DF (personalisation station only).</summary>
        public static byte[] KeyBMasterKey()
        {
            return Sequence(0xC0, 32);
        }

        /// <summary>Issuer's holder-data MAC key 80 81 .. 9F (personalisation station and host only).</summary>
        public static byte[] HolderMacKey()
        {
            return Sequence(0x80, 32);
        }

        /// <summary>The key-A master with one byte flipped (a key that is not the scheme's).</summary>
        public static byte[] KeyAMasterKey(byte flip)
        {
            byte[] key = KeyAMasterKey();
            key[0] ^= flip;
            return key;
        }

        /// <summary>The holder-data MAC key with one byte flipped.</summary>
        public static byte[] HolderMacKey(byte flip)
        {
            byte[] key = HolderMacKey();
            key[0] ^= flip;
            return key;
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
