using MedCard.Host.Crypto;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    /// <summary>Known-answer tests of the desktop crypto behind the protocol interfaces.</summary>
    public class HostCryptoTests
    {
        [Fact]
        public void Aes128_matches_the_fips_197_appendix_c1_vector_both_ways()
        {
            byte[] key = Hex.Decode("000102030405060708090a0b0c0d0e0f");
            byte[] plain = Hex.Decode("00112233445566778899aabbccddeeff");
            byte[] buf = new byte[40];
            IAes128 aes = new DotNetAes128();
            aes.EncryptBlock(key, plain, 0, buf, 8);
            Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.Encode(buf, 8, 16));
            byte[] back = new byte[16];
            aes.DecryptBlock(key, buf, 8, back, 0);
            Assert.Equal(plain, back);
        }

        [Fact]
        public void Hmac_sha256_matches_rfc_4231_test_case_2()
        {
            byte[] key = System.Text.Encoding.ASCII.GetBytes("Jefe");
            byte[] data = System.Text.Encoding.ASCII.GetBytes("xxwhat do ya want for nothing?");
            byte[] mac = new DotNetHmacSha256().Compute(key, data, 2, data.Length - 2);
            Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.Encode(mac));
        }

        [Fact]
        public void Aes128_refuses_a_wrong_key_size()
        {
            Assert.Throws<System.ArgumentException>(() => new DotNetAes128().EncryptBlock(new byte[32], new byte[16], 0, new byte[16], 0));
        }
    }
}
