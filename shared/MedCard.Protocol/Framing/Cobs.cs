namespace MedCard.Protocol
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): removes every 0x00 from a block so 0x00 can
    /// delimit frames. Worst-case overhead is one byte per 254 bytes plus one. All methods work on caller buffers
    /// and allocate nothing.
    /// </summary>
    public static class Cobs
    {
        /// <summary>Returned by <see cref="Decode"/> for input that is not valid COBS.</summary>
        public const int Malformed = -1;

        /// <summary>Returned by <see cref="Encode"/> and <see cref="Decode"/> when the output does not fit.</summary>
        public const int OutputTooSmall = -2;

        /// <summary>Largest encoded size (without delimiter) of <paramref name="length"/> input bytes.</summary>
        public static int MaxEncodedLength(int length)
        {
            return length + 1 + length / 254;
        }

        /// <summary>
        /// Encodes src[srcOff .. srcOff+count) into dst at dstOff (no delimiter is written).
        /// Returns the encoded length, or <see cref="OutputTooSmall"/> if dst lacks
        /// <see cref="MaxEncodedLength"/> bytes of room.
        /// </summary>
        public static int Encode(byte[] src, int srcOff, int count, byte[] dst, int dstOff)
        {
            CheckRange(src, srcOff, count, "src");
            if (dst == null)
            {
                throw new System.ArgumentNullException("dst");
            }

            if (dstOff < 0 || dstOff > dst.Length || dst.Length - dstOff < MaxEncodedLength(count))
            {
                return OutputTooSmall;
            }

            CobsWriter writer = new CobsWriter(dst, dstOff);
            writer.Put(src, srcOff, count);
            return writer.Finish();
        }

        /// <summary>
        /// Decodes src[srcOff .. srcOff+count) (one frame body, delimiter excluded) into dst at dstOff.
        /// Returns the decoded length, <see cref="Malformed"/> if the input holds a 0x00 or a block runs past
        /// the end, or <see cref="OutputTooSmall"/>. src and dst may be the same buffer with dstOff &lt;= srcOff
        /// (decoding never writes ahead of what it has read).
        /// </summary>
        public static int Decode(byte[] src, int srcOff, int count, byte[] dst, int dstOff)
        {
            CheckRange(src, srcOff, count, "src");
            if (dst == null)
            {
                throw new System.ArgumentNullException("dst");
            }

            if (dstOff < 0 || dstOff > dst.Length)
            {
                return OutputTooSmall;
            }

            int end = srcOff + count;
            int i = srcOff;
            int o = dstOff;
            int room = dst.Length;
            while (i < end)
            {
                int code = src[i++];
                if (code == 0)
                {
                    return Malformed;
                }

                int dataEnd = i + code - 1;
                if (dataEnd > end)
                {
                    return Malformed;
                }

                if (room - o < code - 1)
                {
                    return OutputTooSmall;
                }

                while (i < dataEnd)
                {
                    byte b = src[i++];
                    if (b == 0)
                    {
                        return Malformed;
                    }

                    dst[o++] = b;
                }

                // Every block except a full (0xFF) one and the last one ends with an implied zero.
                if (code != 0xFF && i < end)
                {
                    if (o >= room)
                    {
                        return OutputTooSmall;
                    }

                    dst[o++] = 0;
                }
            }

            return o - dstOff;
        }

        private static void CheckRange(byte[] buf, int off, int count, string name)
        {
            if (buf == null)
            {
                throw new System.ArgumentNullException(name);
            }

            if (off < 0 || count < 0 || off > buf.Length - count)
            {
                throw new System.ArgumentOutOfRangeException(name);
            }
        }
    }
}
