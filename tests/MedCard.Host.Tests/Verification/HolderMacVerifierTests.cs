using System;
using MedCard.Host.Crypto;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Verification
{
    /// <summary>
    /// The host checks the issuer MAC readers forward (issue 9, finding 4): the golden holder verifies; a tampered
    /// field, another UID, another key, or a MAC made with a reader's own key material do not.
    /// </summary>
    public sealed class HolderMacVerifierTests
    {
        private static readonly byte[] IssuerMacKey = Hex.Decode(GoldenVectors.HolderMacKeyHex);

        private static CardPresented Golden() => new CardPresented
        {
            Uid = Hex.Decode(GoldenVectors.CardUidHex), Atqa = 0x0004, Sak = 0x08, HolderStatus = HolderDataStatus.Ok,
            ResidentId = GoldenVectors.HolderResidentId, Gender = GoldenVectors.HolderGender, CardNumber = GoldenVectors.CardNumber,
            NameUtf8 = Hex.Decode(GoldenVectors.HolderNameHex), IssuerMac = Hex.Decode(GoldenVectors.HolderMacHex),
        };

        [Fact]
        public void The_golden_holder_verifies_and_passes_unchanged()
        {
            using var verifier = new HolderMacVerifier(IssuerMacKey);
            CardPresented golden = Golden();
            Assert.True(verifier.Verify(golden));
            Assert.Same(golden, verifier.Judge(golden));
        }

        [Theory]
        [InlineData("card number")]
        [InlineData("name")]
        [InlineData("gender")]
        [InlineData("resident id")]
        [InlineData("uid")]
        [InlineData("mac")]
        public void A_forged_holder_is_rejected_and_its_fields_are_dropped(string what)
        {
            CardPresented forged = Golden();
            switch (what)
            {
                case "card number": forged.CardNumber = "A12345679"; break;
                case "name": forged.NameUtf8 = "张三"u8.ToArray(); break;
                case "gender": forged.Gender = Gender.Male; break;
                case "resident id": forged.ResidentId = "11010519491231002X"; break;
                case "uid": forged.Uid = new byte[] { 0xde, 0xad, 0xbe, 0xee }; break;
                default: forged.IssuerMac![15] ^= 1; break;
            }

            using var verifier = new HolderMacVerifier(IssuerMacKey);
            Assert.False(verifier.Verify(forged));
            CardPresented judged = verifier.Judge(forged);
            Assert.Equal(HolderDataStatus.BadIssuerMac, judged.HolderStatus);
            Assert.Null(judged.CardNumber);
            Assert.Null(judged.ResidentId);
            Assert.Equal(forged.Uid, judged.Uid);
        }

        [Fact]
        public void A_holder_signed_with_a_readers_own_key_material_is_rejected()
        {
            // Everything a reader holds of the card system is the key-A master: a forger signing with it fails.
            byte[] readerKey = Hex.Decode(GoldenVectors.KeyAMasterKeyHex);
            CardPresented forged = Golden();
            byte[] image = new byte[HolderImageLayout.CoveredLength];
            HolderImageLayout.WriteCovered(forged.ResidentId!, (byte)forged.Gender, forged.CardNumber!, forged.NameUtf8!, forged.NameUtf8!.Length, image, 0);
            new HolderDataMac(new DotNetHmacSha256()).Compute(readerKey, forged.Uid!, forged.Uid!.Length, image, 0, forged.IssuerMac!, 0);

            using var verifier = new HolderMacVerifier(IssuerMacKey);
            Assert.False(verifier.Verify(forged));
            using var wrongKey = new HolderMacVerifier(readerKey);
            Assert.True(wrongKey.Verify(forged), "sanity: the forgery is a well-formed MAC under the reader's key");
        }

        [Fact]
        public void Statuses_other_than_Ok_pass_through_and_never_verify()
        {
            using var verifier = new HolderMacVerifier(IssuerMacKey);
            var blank = new CardPresented { Uid = new byte[] { 1, 2, 3, 4 }, HolderStatus = HolderDataStatus.Blank };
            Assert.False(verifier.Verify(blank));
            Assert.Same(blank, verifier.Judge(blank));
        }

        [Fact]
        public void The_key_must_be_32_bytes_and_is_not_shown()
        {
            Assert.Throws<ArgumentException>(() => new HolderMacVerifier(new byte[31]));
            using var verifier = new HolderMacVerifier(IssuerMacKey);
            Assert.DoesNotContain("4041", verifier.ToString(), StringComparison.Ordinal);
        }
    }
}
