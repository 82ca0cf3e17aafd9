using System;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class CobsTests
    {
        [Fact]
        public void Golden_pairs_encode_and_decode()
        {
            string[] pairs = GoldenVectors.CobsPairs.Split(';');
            Assert.True(pairs.Length >= 6);
            foreach (string pair in pairs)
            {
                string[] io = pair.Split(':');
                byte[] input = Hex.Decode(io[0]);
                byte[] expected = Hex.Decode(io[1]);

                byte[] encoded = new byte[Cobs.MaxEncodedLength(input.Length)];
                int n = Cobs.Encode(input, 0, input.Length, encoded, 0);
                Assert.Equal(Hex.Encode(expected), Hex.Encode(encoded, 0, n));

                byte[] decoded = new byte[input.Length + 1];
                int m = Cobs.Decode(expected, 0, expected.Length, decoded, 0);
                Assert.Equal(Hex.Encode(input), Hex.Encode(decoded, 0, m));
            }
        }

        [Theory]
        [InlineData(253)]
        [InlineData(254)]
        [InlineData(255)]
        [InlineData(508)]
        [InlineData(509)]
        public void Runs_without_zeros_at_the_254_byte_block_edges_round_trip(int length)
        {
            byte[] input = new byte[length];
            for (int i = 0; i < length; i++)
            {
                input[i] = (byte)(1 + i % 255);
            }

            byte[] encoded = new byte[Cobs.MaxEncodedLength(length)];
            int n = Cobs.Encode(input, 0, length, encoded, 0);
            Assert.Equal(length + 1 + (length - 1) / 254, n);
            Assert.DoesNotContain((byte)0, encoded.AsSpan(0, n).ToArray());

            byte[] decoded = new byte[length];
            Assert.Equal(length, Cobs.Decode(encoded, 0, n, decoded, 0));
            Assert.Equal(input, decoded);
        }

        [Fact]
        public void Random_inputs_round_trip_and_never_contain_zero()
        {
            var rng = new Random(1234);
            for (int iter = 0; iter < 2000; iter++)
            {
                int length = rng.Next(0, 700);
                int zeroPercent = rng.Next(0, 101);
                byte[] input = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    input[i] = rng.Next(100) < zeroPercent ? (byte)0 : (byte)rng.Next(1, 256);
                }

                byte[] encoded = new byte[Cobs.MaxEncodedLength(length)];
                int n = Cobs.Encode(input, 0, length, encoded, 0);
                Assert.InRange(n, length + 1, Cobs.MaxEncodedLength(length));
                Assert.Equal(-1, Array.IndexOf(encoded, (byte)0, 0, n));

                byte[] decoded = new byte[length];
                Assert.Equal(length, Cobs.Decode(encoded, 0, n, decoded, 0));
                Assert.Equal(input, decoded);
            }
        }

        [Fact]
        public void Decoding_in_place_works()
        {
            byte[] input = { 0x11, 0x00, 0x00, 0x22, 0x33, 0x00 };
            byte[] buf = new byte[Cobs.MaxEncodedLength(input.Length)];
            int n = Cobs.Encode(input, 0, input.Length, buf, 0);
            int m = Cobs.Decode(buf, 0, n, buf, 0);
            Assert.Equal(input, buf.AsSpan(0, m).ToArray());
        }

        [Theory]
        [InlineData("0311")]          // block claims 2 data bytes, only 1 present
        [InlineData("0211000103")]    // a zero inside the body
        [InlineData("ff01")]          // 0xff block cut short
        public void Malformed_input_is_reported_not_thrown(string hex)
        {
            byte[] src = Hex.Decode(hex);
            byte[] dst = new byte[300];
            Assert.Equal(Cobs.Malformed, Cobs.Decode(src, 0, src.Length, dst, 0));
        }

        [Fact]
        public void Too_small_output_is_reported()
        {
            byte[] input = { 1, 2, 3, 4 };
            Assert.Equal(Cobs.OutputTooSmall, Cobs.Encode(input, 0, 4, new byte[4], 0));
            byte[] encoded = Hex.Decode("0501020304");
            Assert.Equal(Cobs.OutputTooSmall, Cobs.Decode(encoded, 0, encoded.Length, new byte[3], 0));
        }
    }
}
