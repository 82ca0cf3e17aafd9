namespace MedCard.Protocol
{
    /// <summary>Comparisons and wipes for secrets and MACs.</summary>
    public static class ConstantTime
    {
        /// <summary>
        /// True if a[aOff..aOff+count) equals b[bOff..bOff+count). Time depends only on count, never on where the
        /// first difference is, so a forger learns nothing from timing.
        /// </summary>
        public static bool AreEqual(byte[] a, int aOff, byte[] b, int bOff, int count)
        {
            if (a == null || b == null || count < 0 || aOff < 0 || bOff < 0
                || aOff > a.Length - count || bOff > b.Length - count)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < count; i++)
            {
                diff |= a[aOff + i] ^ b[bOff + i];
            }

            return diff == 0;
        }

        /// <summary>Overwrites a secret with zeros (keys, PIN digits, PIN blocks) once it is no longer needed.</summary>
        public static void Wipe(byte[] secret)
        {
            if (secret != null)
            {
                System.Array.Clear(secret, 0, secret.Length);
            }
        }
    }
}
