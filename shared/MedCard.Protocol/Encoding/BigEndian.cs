namespace MedCard.Protocol
{
    /// <summary>
    /// Big-endian (network order) integer writes and reads. All multi-byte integers on the wire and in the MAC
    /// input use this order. BitConverter is avoided: it is host-endian.
    /// </summary>
    public static class BigEndian
    {
        /// <summary>Writes <paramref name="value"/> as 2 big-endian bytes at buf[off].</summary>
        public static void WriteUInt16(byte[] buf, int off, ushort value)
        {
            buf[off] = (byte)(value >> 8);
            buf[off + 1] = (byte)value;
        }

        /// <summary>Writes <paramref name="value"/> as 4 big-endian bytes at buf[off].</summary>
        public static void WriteUInt32(byte[] buf, int off, uint value)
        {
            buf[off] = (byte)(value >> 24);
            buf[off + 1] = (byte)(value >> 16);
            buf[off + 2] = (byte)(value >> 8);
            buf[off + 3] = (byte)value;
        }

        /// <summary>Writes <paramref name="value"/> as 8 big-endian bytes at buf[off].</summary>
        public static void WriteInt64(byte[] buf, int off, long value)
        {
            WriteUInt32(buf, off, (uint)((ulong)value >> 32));
            WriteUInt32(buf, off + 4, (uint)value);
        }

        /// <summary>Reads 2 big-endian bytes at buf[off].</summary>
        public static ushort ReadUInt16(byte[] buf, int off)
        {
            return (ushort)((buf[off] << 8) | buf[off + 1]);
        }

        /// <summary>Reads 4 big-endian bytes at buf[off].</summary>
        public static uint ReadUInt32(byte[] buf, int off)
        {
            return ((uint)buf[off] << 24) | ((uint)buf[off + 1] << 16) | ((uint)buf[off + 2] << 8) | buf[off + 3];
        }

        /// <summary>Reads 8 big-endian bytes at buf[off].</summary>
        public static long ReadInt64(byte[] buf, int off)
        {
            ulong hi = ReadUInt32(buf, off);
            ulong lo = ReadUInt32(buf, off + 4);
            return (long)((hi << 32) | lo);
        }
    }
}
