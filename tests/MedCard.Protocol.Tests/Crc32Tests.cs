using System.Text;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class Crc32Tests
    {
        [Fact]
        public void Check_value_of_123456789_is_the_IEEE_one()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            Assert.Equal(GoldenVectors.Crc32Check, Crc32.Compute(data, 0, data.Length));
            Assert.Equal(0xCBF43926u, GoldenVectors.Crc32Check);
        }

        [Fact]
        public void Empty_input_has_crc_zero()
        {
            Assert.Equal(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [Fact]
        public void Incremental_update_equals_one_shot_at_every_split()
        {
            var rng = new System.Random(11);
            byte[] data = new byte[300];
            rng.NextBytes(data);
            uint whole = Crc32.Compute(data, 0, data.Length);
            for (int split = 0; split <= data.Length; split += 7)
            {
                uint r = Crc32.Update(Crc32.Initial, data, 0, split);
                for (int i = split; i < data.Length; i++)
                {
                    r = Crc32.UpdateByte(r, data[i]);
                }

                Assert.Equal(whole, Crc32.Finish(r));
            }
        }

        [Fact]
        public void Respects_offset_and_count()
        {
            byte[] data = Encoding.ASCII.GetBytes("xx123456789yy");
            Assert.Equal(0xCBF43926u, Crc32.Compute(data, 2, 9));
        }

        [Fact]
        public void Bad_range_throws_argument_exception()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => Crc32.Compute(new byte[4], 2, 3));
        }
    }
}
