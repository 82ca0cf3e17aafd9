namespace MedCard.Protocol
{
    /// <summary>
    /// Printable ASCII (0x20-0x7E) to and from bytes without System.Text (not in nanoFramework's mscorlib, and
    /// this assembly depends on CoreLibrary only).
    /// </summary>
    public static class Ascii
    {
        /// <summary>True for printable ASCII (0x20-0x7E).</summary>
        public static bool IsPrintable(char c)
        {
            return c >= (char)0x20 && c <= (char)0x7E;
        }

        /// <summary>True if every character of s is printable ASCII (null is false).</summary>
        public static bool IsPrintable(string s)
        {
            if (s == null)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                if (!IsPrintable(s[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Decodes printable ASCII bytes; null if any byte is outside 0x20-0x7E.</summary>
        public static string GetString(byte[] buf, int off, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte b = buf[off + i];
                if (b < 0x20 || b > 0x7E)
                {
                    return null;
                }

                chars[i] = (char)b;
            }

            return new string(chars);
        }

        /// <summary>Writes the characters of s (caller validated them) as bytes; returns s.Length.</summary>
        public static int GetBytes(string s, byte[] buf, int off)
        {
            for (int i = 0; i < s.Length; i++)
            {
                buf[off + i] = (byte)s[i];
            }

            return s.Length;
        }
    }
}
