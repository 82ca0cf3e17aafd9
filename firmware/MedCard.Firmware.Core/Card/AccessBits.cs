namespace MedCard.Firmware.Card
{
    /// <summary>
    /// Encodes MIFARE Classic access conditions into trailer bytes 6-8. Each block b (0-2 data, 3 trailer)
    /// has a 3-bit condition C1C2C3 (given here as a number 0-7 with C1 the most significant bit).
    /// Byte 6 = ~C2 (bits 7-4) | ~C1 (bits 3-0); byte 7 = C1 | ~C3; byte 8 = C3 | C2, each nibble
    /// holding blocks 3..0 from bit 3 to bit 0. Any other combination bricks the sector, so the
    /// personaliser writes only what this produces and verifies it with <see cref="IsConsistent"/>.
    /// </summary>
    public static class AccessBits
    {
        /// <summary>Bytes 6-8 for the four conditions (block 0, 1, 2, trailer).</summary>
        public static byte[] Encode(int block0, int block1, int block2, int trailer)
        {
            int[] conditions = { block0, block1, block2, trailer };
            int c1 = 0;
            int c2 = 0;
            int c3 = 0;
            for (int b = 0; b < 4; b++)
            {
                int c = conditions[b];
                if (c < 0 || c > 7)
                {
                    throw new System.ArgumentOutOfRangeException("condition");
                }

                c1 |= ((c >> 2) & 1) << b;
                c2 |= ((c >> 1) & 1) << b;
                c3 |= (c & 1) << b;
            }

            byte[] bytes = new byte[3];
            bytes[0] = (byte)(((~c2 & 0xF) << 4) | (~c1 & 0xF));
            bytes[1] = (byte)((c1 << 4) | (~c3 & 0xF));
            bytes[2] = (byte)((c3 << 4) | c2);
            return bytes;
        }

        /// <summary>True when the inverted copies in bytes 6-8 at buf[off..] agree with the plain ones.</summary>
        public static bool IsConsistent(byte[] buf, int off)
        {
            int notC1 = buf[off] & 0xF;
            int notC2 = buf[off] >> 4;
            int c1 = buf[off + 1] >> 4;
            int notC3 = buf[off + 1] & 0xF;
            int c2 = buf[off + 2] & 0xF;
            int c3 = buf[off + 2] >> 4;
            return (c1 ^ notC1) == 0xF && (c2 ^ notC2) == 0xF && (c3 ^ notC3) == 0xF;
        }
    }
}
