namespace MedCard.Protocol
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3 (reflected, polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF).
    /// Check value: Compute("123456789") = 0xCBF43926. Table driven; the 1 KB table is built once.
    /// </summary>
    public static class Crc32
    {
        /// <summary>The reflected CRC-32 polynomial (IEEE 802.3).</summary>
        public const uint Polynomial = 0xEDB88320;
        /// <summary>The register's start value (the result is also inverted at the end).</summary>
        public const uint Initial = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }

        /// <summary>CRC-32 of buf[off .. off+count).</summary>
        public static uint Compute(byte[] buf, int off, int count)
        {
            return Finish(Update(Initial, buf, off, count));
        }

        /// <summary>
        /// Feeds more bytes into a running register. Start with <see cref="Initial"/>, end with <see cref="Finish"/>;
        /// lets the frame encoder checksum header and payload without copying them together.
        /// </summary>
        public static uint Update(uint register, byte[] buf, int off, int count)
        {
            if (buf == null)
            {
                throw new System.ArgumentNullException("buf");
            }

            if (off < 0 || count < 0 || off > buf.Length - count)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }

            uint[] table = Table;
            int end = off + count;
            for (int i = off; i < end; i++)
            {
                register = table[(register ^ buf[i]) & 0xFF] ^ (register >> 8);
            }

            return register;
        }

        /// <summary>Feeds one byte into a running register.</summary>
        public static uint UpdateByte(uint register, byte value)
        {
            return Table[(register ^ value) & 0xFF] ^ (register >> 8);
        }

        /// <summary>Turns a running register into the CRC value.</summary>
        public static uint Finish(uint register)
        {
            return register ^ 0xFFFFFFFF;
        }
    }
}
