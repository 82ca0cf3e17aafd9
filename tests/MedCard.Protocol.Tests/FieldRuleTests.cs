using System;
using System.Text;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class FieldRuleTests
    {
        [Theory]
        [InlineData("11010519491231002X", true)]   // the GB 11643 specimen
        [InlineData("110105194912310021", false)]
        [InlineData("11010519491231002x", false)]  // lower-case x is not the check character
        [InlineData("1101051949123100", false)]
        [InlineData("A1010519491231002X", false)]
        public void Resident_id_check_character_is_iso_7064_mod_11_2(string id, bool valid)
        {
            Assert.Equal(valid, ResidentId.IsValid(id));
        }

        [Fact]
        public void Resident_id_check_character_detects_every_single_digit_change()
        {
            string id = "11010519491231002X";
            for (int i = 0; i < 17; i++)
            {
                for (char c = '0'; c <= '9'; c++)
                {
                    if (c == id[i])
                    {
                        continue;
                    }

                    string changed = id.Substring(0, i) + c + id.Substring(i + 1);
                    Assert.False(ResidentId.IsValid(changed), changed);
                }
            }
        }

        [Theory]
        [InlineData("A12345678", true)]
        [InlineData("12345678901234567890", true)]
        [InlineData("123456789012345678901", false)]
        [InlineData("", false)]
        [InlineData("A-1", false)]
        [InlineData("a1", false)]
        [InlineData("A 1", false)]
        public void Card_numbers_are_1_to_20_digits_or_capitals(string number, bool valid)
        {
            Assert.Equal(valid, CardIdentity.IsValidCardNumber(number));
        }

        [Fact]
        public void Utf8_check_agrees_with_dotnet_on_random_and_edge_inputs()
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            var rng = new Random(7);
            string[] edges = { "C0 80", "E0 80 80", "ED A0 80", "F4 90 80 80", "F0 9F 98 80", "E5 BC A0", "C2", "80", "" };
            foreach (string e in edges)
            {
                byte[] b = Hex.Decode(e);
                Assert.Equal(DotNetAccepts(strict, b), Utf8.IsWellFormed(b, 0, b.Length));
            }

            for (int i = 0; i < 20000; i++)
            {
                byte[] b = new byte[rng.Next(0, 8)];
                rng.NextBytes(b);
                Assert.Equal(DotNetAccepts(strict, b), Utf8.IsWellFormed(b, 0, b.Length));
            }
        }

        private static bool DotNetAccepts(UTF8Encoding strict, byte[] b)
        {
            try
            {
                strict.GetString(b);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        [Fact]
        public void Hex_round_trips_and_rejects_junk()
        {
            byte[] data = { 0x00, 0x7F, 0x80, 0xFF, 0x10 };
            Assert.Equal("007f80ff10", Hex.Encode(data));
            Assert.Equal(data, Hex.Decode("00 7F 80 ff 10"));
            Assert.Throws<FormatException>(() => Hex.Decode("0g"));
            Assert.Throws<FormatException>(() => Hex.Decode("abc"));
        }
    }
}
