using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Firmware.Mfrc522.Tests.Support
{
    /// <summary>The core's HMAC interface on desktop .NET (the card tests need real sector keys, not a model of nano's HMAC).</summary>
    public sealed class DesktopHmacSha256 : IHmacSha256
    {
        /// <inheritdoc/>
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            return HMACSHA256.HashData(key, data.AsSpan(offset, count));
        }
    }
}
