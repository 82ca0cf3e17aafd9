using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Host.Crypto
{
    /// <summary>HMAC-SHA256 for the host, on .NET's one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/>.</summary>
    public sealed class DotNetHmacSha256 : IHmacSha256
    {
        /// <inheritdoc />
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(data);
            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            return HMACSHA256.HashData(key, data.AsSpan(offset, count));
        }
    }
}
