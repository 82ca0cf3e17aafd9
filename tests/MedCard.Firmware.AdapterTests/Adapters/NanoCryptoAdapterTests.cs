using System;
using MedCard.Firmware.AdapterTests.Models;
using MedCard.Firmware.App.Adapters;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>NanoHmacSha256 and NanoAes128 compute the published vectors through the nano API models.</summary>
    public sealed class NanoCryptoAdapterTests : ModelReset
    {
        [Fact]
        public void HmacOfASubRangeEqualsHmacOfThoseBytes()
        {
            byte[] data = TestVectors.Rfc4231Case2Data;
            byte[] framed = new byte[data.Length + 5];
            Array.Copy(data, 0, framed, 3, data.Length);
            Assert.Equal(TestVectors.Rfc4231Case2Mac, new NanoHmacSha256().Compute(TestVectors.Rfc4231Case2Key, framed, 3, data.Length));
            Assert.Throws<ArgumentException>(() => new NanoHmacSha256().Compute(TestVectors.Rfc4231Case2Key, framed, 3, framed.Length));
        }

        [Fact]
        public void AesEncryptsAndDecryptsOneBlockAtOffsets()
        {
            NanoAes128 aes = new NanoAes128();
            byte[] input = new byte[20];
            Array.Copy(TestVectors.Sp80038aPlain, 0, input, 4, 16);
            byte[] output = new byte[18];
            aes.EncryptBlock(TestVectors.Sp80038aKey, input, 4, output, 2);
            Assert.Equal(TestVectors.Sp80038aCipher, output[2..18]);

            byte[] back = new byte[16];
            aes.DecryptBlock(TestVectors.Sp80038aKey, output, 2, back, 0);
            Assert.Equal(TestVectors.Sp80038aPlain, back);
        }

        [Fact]
        public void AesRejectsKeysOtherThan128Bits()
        {
            Assert.Throws<ArgumentException>(() => new NanoAes128().EncryptBlock(new byte[32], new byte[16], 0, new byte[16], 0));
            Assert.Throws<ArgumentException>(() => new NanoAes128().EncryptBlock(new byte[16], new byte[15], 0, new byte[16], 0));
        }
    }
}
