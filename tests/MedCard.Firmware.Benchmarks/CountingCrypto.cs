using System;
using MedCard.Protocol;

namespace MedCard.Firmware.Benchmarks
{
    /// <summary>
    /// Wraps the desktop crypto adapters the core is handed and counts the bytes they allocate (their own objects and the
    /// arrays they return), so the benchmark can report the core's own allocations apart from the platform's: on the
    /// device the nanoFramework classes allocate differently, and the desktop AES adapter creates an Aes per block.
    /// </summary>
    public sealed class CountingCrypto : IHmacSha256, IAes128
    {
        private readonly IHmacSha256 _hmac;
        private readonly IAes128 _aes;

        public CountingCrypto(IHmacSha256 hmac, IAes128 aes)
        {
            _hmac = hmac;
            _aes = aes;
        }

        /// <summary>Bytes allocated inside the wrapped adapters since the last reset.</summary>
        public long Allocated;

        /// <summary>HMAC computations since the last reset.</summary>
        public int HmacCalls;

        /// <summary>AES block operations since the last reset.</summary>
        public int AesCalls;

        public void Reset()
        {
            Allocated = 0;
            HmacCalls = 0;
            AesCalls = 0;
        }

        public byte[] Compute(byte[] key, byte[] data, int offset, int count)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            byte[] mac = _hmac.Compute(key, data, offset, count);
            Allocated += GC.GetAllocatedBytesForCurrentThread() - start;
            HmacCalls++;
            return mac;
        }

        public void EncryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            _aes.EncryptBlock(key, input, inOff, output, outOff);
            Allocated += GC.GetAllocatedBytesForCurrentThread() - start;
            AesCalls++;
        }

        public void DecryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            _aes.DecryptBlock(key, input, inOff, output, outOff);
            Allocated += GC.GetAllocatedBytesForCurrentThread() - start;
            AesCalls++;
        }
    }
}
