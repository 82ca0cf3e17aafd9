using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Benchmarks
{
    /// <summary>
    /// .NET HMAC-SHA256 for the benchmarks, local so the benchmarks build on the protocol alone (the host
    /// library's DotNetHmacSha256 is the same one-shot call).
    /// </summary>
    internal sealed class BenchHmacSha256 : IHmacSha256
    {
        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            return HMACSHA256.HashData(key, data.AsSpan(offset, count));
        }
    }
}
