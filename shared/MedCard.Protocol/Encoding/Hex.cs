namespace MedCard.Protocol
{
    /// <summary>Lower-case hex for golden vectors, transcripts and diagnostics (no BitConverter dashes).</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Lower-case hex of buf[off..off+count).</summary>
        public static string Encode(byte[] buf, int off, int count)
        {
            char[] chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                byte b = buf[off + i];
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0x0F];
            }

            return new string(chars);
        }

        /// <summary>Lower-case hex of the whole buffer.</summary>
        public static string Encode(byte[] buf)
        {
            return Encode(buf, 0, buf.Length);
        }

        /// <summary>Parses hex digits (either case); spaces are skipped. Throws FormatException on anything else or an
        /// odd digit count.</summary>
        public static byte[] Decode(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ')
                {
                    continue;
                }

                if (Value(c) < 0)
                {
                    throw new System.FormatException("not a hex digit");
                }

                digits++;
            }

            if ((digits & 1) != 0)
            {
                throw new System.FormatException("odd number of hex digits");
            }

            byte[] result = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                int v = Value(hex[i]);
                if (v < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    result[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            return result;
        }

        private static int Value(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
