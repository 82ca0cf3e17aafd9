namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// CRC_A of ISO/IEC 14443-3 (polynomial x^16 + x^12 + x^5 + 1, LSB first, preset 0x6363). The MFRC522
    /// binding keeps its CRC coprocessor call private, so the SELECT frames built here get their CRC in software.
    /// </summary>
    public static class Iso14443Crc
    {
        /// <summary>Compute CRC_A over data[offset..offset+count) and store it little-endian at data[offset+count].</summary>
        public static void Append(byte[] data, int offset, int count)
        {
            int crc = Compute(data, offset, count);
            data[offset + count] = (byte)crc;
            data[offset + count + 1] = (byte)(crc >> 8);
        }

        /// <summary>True when data[offset+count..+2] holds the CRC_A of data[offset..offset+count).</summary>
        public static bool Check(byte[] data, int offset, int count)
        {
            int crc = Compute(data, offset, count);
            return data[offset + count] == (byte)crc && data[offset + count + 1] == (byte)(crc >> 8);
        }

        /// <summary>CRC_A of data[offset..offset+count) as a 16-bit value.</summary>
        public static int Compute(byte[] data, int offset, int count)
        {
            int crc = 0x6363;
            for (int i = 0; i < count; i++)
            {
                int ch = (data[offset + i] ^ crc) & 0xFF;
                ch = (ch ^ (ch << 4)) & 0xFF;
                crc = ((crc >> 8) ^ (ch << 8) ^ (ch << 3) ^ (ch >> 4)) & 0xFFFF;
            }

            return crc;
        }
    }
}
