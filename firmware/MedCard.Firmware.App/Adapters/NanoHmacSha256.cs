using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IHmacSha256"/> on nanoFramework's HMACSHA256 (mbedTLS underneath). The nano API hashes whole
    /// arrays only, so a sub-range is copied into a scratch array first (transaction path only, never idle).
    /// </summary>
    public sealed class NanoHmacSha256 : IHmacSha256
    {
        /// <inheritdoc/>
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            if (key == null || data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentException("data");
            }

            byte[] message = data;
            if (offset != 0 || count != data.Length)
            {
                message = new byte[count];
                Array.Copy(data, offset, message, 0, count);
            }

            using (HMACSHA256 hmac = new HMACSHA256(key))
            {
                byte[] mac = hmac.ComputeHash(message);
                if (message != data)
                {
                    // The message may hold secrets derived from the key (e.g. a key-derivation input).
                    Array.Clear(message, 0, message.Length);
                }

                return mac;
            }
        }
    }
}
