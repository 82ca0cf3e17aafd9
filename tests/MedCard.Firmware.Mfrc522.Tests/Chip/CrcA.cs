namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The CRC of ISO/IEC 14443-3 (polynomial x^16 + x^12 + x^5 + 1, bits LSB first) with the preset the caller chooses:
    /// CRC_A frames use 6363h (ISO/IEC 14443-3 Annex B); the MFRC522 coprocessor takes its preset from ModeReg
    /// CRCPreset[1:0] (rev 3.9 section 9.3.2.2, Table 51: 0000h, 6363h, A671h, FFFFh). Written from the polynomial, not
    /// shared with the app's Iso14443Crc, so the model checks the app instead of agreeing with it by construction.
    /// </summary>
    public static class CrcA
    {
        /// <summary>Preset of CRC_A.</summary>
        public const ushort Preset = 0x6363;

        /// <summary>Feed one byte into a running CRC.</summary>
        public static ushort Update(ushort crc, byte value)
        {
            int c = crc ^ value;
            for (int bit = 0; bit < 8; bit++)
            {
                // Reflected polynomial 0x1021 -> 0x8408.
                c = (c & 1) != 0 ? (c >> 1) ^ 0x8408 : c >> 1;
            }

            return (ushort)c;
        }

        /// <summary>CRC over data[offset..offset+count) from <paramref name="preset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count, ushort preset = Preset)
        {
            ushort crc = preset;
            for (int i = 0; i < count; i++)
            {
                crc = Update(crc, data[offset + i]);
            }

            return crc;
        }

        /// <summary>A copy of data with its CRC_A appended, low byte first (ISO/IEC 14443-3 6.2.4).</summary>
        public static byte[] Append(byte[] data)
        {
            byte[] framed = new byte[data.Length + 2];
            System.Array.Copy(data, framed, data.Length);
            ushort crc = Compute(data, 0, data.Length);
            framed[data.Length] = (byte)crc;
            framed[data.Length + 1] = (byte)(crc >> 8);
            return framed;
        }

        /// <summary>True when the last two bytes of data[0..length) are the CRC_A of the bytes before them.</summary>
        public static bool EndsWithValidCrc(byte[] data, int length)
        {
            if (length < 3)
            {
                return false;
            }

            ushort crc = Compute(data, 0, length - 2);
            return data[length - 2] == (byte)crc && data[length - 1] == (byte)(crc >> 8);
        }
    }
}
