using System;

namespace MedCard.Protocol
{
    /// <summary>
    /// The per-transaction AES-128 key that enciphers a PIN block:
    /// <code>
    /// K_pin = HMAC-SHA256(reader key, "MedCard.PinKey.v1" | readerId u32 BE | keyCounter u32 BE)[0..16)
    /// </code>
    /// keyCounter is the counter value the next signed record will carry (last persisted counter + 1),
    /// sent in clear in PinBlockResponse.KeyCounter so the host can derive the same key. The domain
    /// prefix keeps this use of the reader key apart from record signing.
    /// </summary>
    public static class PinKeyDerivation
    {
        /// <summary>Domain prefix of the derivation input.</summary>
        public const string Domain = "MedCard.PinKey.v1";

        /// <summary>AES-128 key length.</summary>
        public const int KeyLength = 16;

        /// <summary>Bytes of the derivation input (for callers passing their own scratch buffer).</summary>
        public const int InputLength = 17 + 8;

        /// <summary>Write K_pin into key[0..16). The caller wipes it after use.</summary>
        public static void Derive(IHmacSha256 hmac, byte[] readerKey, uint readerId, uint keyCounter, byte[] key)
        {
            Derive(hmac, readerKey, readerId, keyCounter, key, new byte[InputLength]);
        }

        /// <summary>As <see cref="Derive(IHmacSha256, byte[], uint, uint, byte[])"/>, building the input in a caller-owned buffer.</summary>
        public static void Derive(IHmacSha256 hmac, byte[] readerKey, uint readerId, uint keyCounter, byte[] key, byte[] input)
        {
            if (hmac == null || readerKey == null || key == null || key.Length < KeyLength || input == null || input.Length < InputLength)
            {
                throw new ArgumentException("PIN key derivation arguments");
            }

            int p = Ascii.GetBytes(Domain, input, 0);
            BigEndian.WriteUInt32(input, p, readerId);
            BigEndian.WriteUInt32(input, p + 4, keyCounter);
            byte[] full = hmac.Compute(readerKey, input, 0, InputLength);
            Array.Copy(full, 0, key, 0, KeyLength);
            ConstantTime.Wipe(full);
        }
    }
}
