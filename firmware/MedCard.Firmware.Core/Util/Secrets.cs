namespace MedCard.Firmware.Util
{
    /// <summary>
    /// Helpers for secret material (keys, PIN digits, PIN blocks) beyond MedCard.Protocol.ConstantTime:
    /// partial wipes and an all-zero check.
    /// Secrets live only in byte arrays the core owns, never in strings, so they can be wiped.
    /// </summary>
    public static class Secrets
    {
        /// <summary>Overwrite the whole array with zeros (null is ignored).</summary>
        public static void Wipe(byte[] secret)
        {
            if (secret != null)
            {
                System.Array.Clear(secret, 0, secret.Length);
            }
        }

        /// <summary>Overwrite secret[offset..offset+count) with zeros.</summary>
        public static void Wipe(byte[] secret, int offset, int count)
        {
            System.Array.Clear(secret, offset, count);
        }

        /// <summary>True when every byte of buf[off..off+count) is zero.</summary>
        public static bool IsAllZero(byte[] buf, int off, int count)
        {
            int acc = 0;
            for (int i = 0; i < count; i++)
            {
                acc |= buf[off + i];
            }

            return acc == 0;
        }
    }
}
