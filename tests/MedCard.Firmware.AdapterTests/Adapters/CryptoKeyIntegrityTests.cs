using System;
using MedCard.Firmware.AdapterTests.Models;
using MedCard.Firmware.App.Adapters;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>
    /// Finding 1: no crypto adapter may change a caller's key. Every crypto adapter of the app runs with known keys
    /// against the nanoFramework models (whose HMACSHA256.Dispose zeroes the array it was constructed with), and each key
    /// must still hold its bytes afterwards, and a second use must give the same result as the first.
    /// </summary>
    public sealed class CryptoKeyIntegrityTests : ModelReset
    {
        private static byte[] Key(int length, byte seed)
        {
            byte[] key = new byte[length];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(seed + (i * 7));
            }

            return key;
        }

        [Fact]
        public void HmacAdapterLeavesEveryKeyAsItWas()
        {
            IHmacSha256 hmac = new NanoHmacSha256();
            byte[][] keys = { Key(32, 0x10), Key(32, 0x20), Key(32, 0x30), Key(4, 0x40) };
            byte[] data = { 1, 2, 3, 4, 5, 6, 7, 8 };
            foreach (byte[] key in keys)
            {
                byte[] before = (byte[])key.Clone();
                byte[] whole = hmac.Compute(key, data, 0, data.Length);
                byte[] part = hmac.Compute(key, data, 2, 4);
                Assert.Equal(before, key);
                Assert.Equal(whole, hmac.Compute(key, data, 0, data.Length));
                Assert.Equal(part, hmac.Compute(key, data, 2, 4));
                Assert.Equal(before, key);
            }
        }

        [Fact]
        public void AesAdapterLeavesTheKeyAsItWas()
        {
            IAes128 aes = new NanoAes128();
            byte[] key = Key(16, 0x55);
            byte[] before = (byte[])key.Clone();
            byte[] block = new byte[16];
            byte[] first = new byte[16];
            byte[] second = new byte[16];
            aes.EncryptBlock(key, block, 0, first, 0);
            aes.DecryptBlock(key, first, 0, second, 0);
            aes.EncryptBlock(key, block, 0, second, 0);
            Assert.Equal(before, key);
            Assert.Equal(first, second);
        }

        [Fact]
        public void SigningTwiceWithTheSameKeyGivesTheRfcMacBothTimes()
        {
            // On the unfixed adapter the first call zeroed the key: the second MAC was HMAC under a zero key.
            IHmacSha256 hmac = new NanoHmacSha256();
            byte[] key = (byte[])TestVectors.Rfc4231Case2Key.Clone();
            byte[] data = TestVectors.Rfc4231Case2Data;
            Assert.Equal(TestVectors.Rfc4231Case2Mac, hmac.Compute(key, data, 0, data.Length));
            Assert.Equal(TestVectors.Rfc4231Case2Mac, hmac.Compute(key, data, 0, data.Length));
        }
    }
}
