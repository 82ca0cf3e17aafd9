using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IHmacSha256"/> on nanoFramework's HMACSHA256 (mbedTLS underneath), through the static one-shot
    /// <c>HMACSHA256.HashData(key, source)</c>. Never through an instance: nanoFramework's
    /// <c>new HMACSHA256(key)</c> keeps a reference to the caller's array and its <c>Dispose()</c> zeroes it
    /// (System.Security.Cryptography v1.0.43, HMACSHA256.cs), which would wipe the reader's live keys after the
    /// first MAC. The nano API hashes whole arrays only, so a sub-range is copied into a scratch array first
    /// (transaction path only, never idle).
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

            try
            {
                return HMACSHA256.HashData(key, message);
            }
            finally
            {
                if (message != data)
                {
                    // The message may hold secrets derived from the key (e.g. a key-derivation input).
                    Array.Clear(message, 0, message.Length);
                }
            }
        }
    }
}
