using System;
using System.Security.Cryptography;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Models
{
    /// <summary>The HMACSHA256 and Aes models compute the right functions and keep nanoFramework's key handling.</summary>
    public sealed class CryptoModelTests : ModelReset
    {
        [Fact]
        public void HmacInstanceAndOneShotGiveTheRfc4231Mac()
        {
            using (HMACSHA256 hmac = new HMACSHA256((byte[])TestVectors.Rfc4231Case2Key.Clone()))
            {
                Assert.Equal(TestVectors.Rfc4231Case2Mac, hmac.ComputeHash(TestVectors.Rfc4231Case2Data));
                Assert.Equal(TestVectors.Rfc4231Case2Mac, hmac.Hash);
            }

            Assert.Equal(TestVectors.Rfc4231Case2Mac, HMACSHA256.HashData(TestVectors.Rfc4231Case2Key, TestVectors.Rfc4231Case2Data));
        }

        [Fact]
        public void HmacDisposeZeroesTheArrayGivenToTheConstructor()
        {
            byte[] key = { 1, 2, 3, 4, 5, 6, 7, 8 };
            HMACSHA256 hmac = new HMACSHA256(key);
            hmac.ComputeHash(new byte[] { 42 });
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, key);

            hmac.Dispose();

            Assert.Equal(new byte[8], key);
            Assert.Throws<ObjectDisposedException>(() => hmac.ComputeHash(new byte[] { 42 }));
        }

        [Fact]
        public void HmacKeyPropertyCopiesSoDisposeSparesTheCallersArray()
        {
            byte[] key = { 9, 8, 7 };
            HMACSHA256 hmac = new HMACSHA256();
            hmac.Key = key;
            hmac.Dispose();
            Assert.Equal(new byte[] { 9, 8, 7 }, key);
        }

        [Fact]
        public void HashDataLeavesKeyAndSourceUntouched()
        {
            byte[] key = (byte[])TestVectors.Rfc4231Case2Key.Clone();
            byte[] data = (byte[])TestVectors.Rfc4231Case2Data.Clone();
            HMACSHA256.HashData(key, data);
            Assert.Equal(TestVectors.Rfc4231Case2Key, key);
            Assert.Equal(TestVectors.Rfc4231Case2Data, data);
            Assert.Throws<ArgumentNullException>(() => HMACSHA256.HashData(null, data));
        }

        [Fact]
        public void AesEcbGivesTheNistVectorAndKeepsTheCallersKeyArray()
        {
            byte[] key = (byte[])TestVectors.Sp80038aKey.Clone();
            Aes aes = new Aes(CipherMode.ECB);
            aes.Key = key;
            Assert.Same(key, aes.Key);
            Assert.Equal(TestVectors.Sp80038aCipher, aes.Encrypt(TestVectors.Sp80038aPlain));
            Assert.Equal(TestVectors.Sp80038aPlain, aes.Decrypt(TestVectors.Sp80038aCipher));
        }

        [Fact]
        public void AesRefusesPartialBlocksMissingKeysBadKeyLengthsAndNoMode()
        {
            Aes aes = new Aes(CipherMode.ECB);
            Assert.Throws<InvalidOperationException>(() => aes.Encrypt(new byte[16]));
            aes.Key = new byte[16];
            Assert.Throws<ArgumentException>(() => aes.Encrypt(new byte[15]));
            aes.Key = new byte[20];
            Assert.Throws<ArgumentException>(() => aes.Encrypt(new byte[16]));
            aes.Mode = CipherMode.None;
            Assert.Throws<NotSupportedException>(() => aes.Encrypt(new byte[16]));
        }

        [Fact]
        public void AesCbcInstanceDrawsAnIv()
        {
            Aes aes = new Aes(CipherMode.CBC);
            Assert.Equal(16, aes.IV.Length);
            Assert.Null(new Aes(CipherMode.ECB).IV);
        }
    }
}
