namespace MedCard.Protocol
{
    /// <summary>
    /// UTF-8 well-formedness check (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), so a holder
    /// name crossing the link is valid text for the host's decoder; written here because this assembly does not
    /// depend on nanoFramework.System.Text.
    /// </summary>
    public static class Utf8
    {
        /// <summary>True when buf[off..off+count) is well-formed UTF-8.</summary>
        public static bool IsWellFormed(byte[] buf, int off, int count)
        {
            if (buf == null || off < 0 || count < 0 || off > buf.Length - count)
            {
                return false;
            }

            int i = off;
            int end = off + count;
            while (i < end)
            {
                int b = buf[i];
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                int need;
                int min;
                int cp;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    need = 1;
                    min = 0x80;
                    cp = b & 0x1F;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    need = 2;
                    min = 0x800;
                    cp = b & 0x0F;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    need = 3;
                    min = 0x10000;
                    cp = b & 0x07;
                }
                else
                {
                    return false;
                }

                if (end - i - 1 < need)
                {
                    return false;
                }

                for (int k = 1; k <= need; k++)
                {
                    int c = buf[i + k];
                    if ((c & 0xC0) != 0x80)
                    {
                        return false;
                    }

                    cp = (cp << 6) | (c & 0x3F);
                }

                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    return false;
                }

                i += need + 1;
            }

            return true;
        }
    }
}
