using MedCard.Firmware.App.Adapters;
using Xunit;

namespace MedCard.Boards.Tests
{
    /// <summary>
    /// The firmware's software CRC_A (used to build SELECT frames for the MFRC522) against the worked
    /// examples of ISO/IEC 14443-3 Annex B and the well-known HLTA frame.
    /// </summary>
    public class Iso14443CrcTests
    {
        [Theory]
        [InlineData(new byte[] { 0x00, 0x00 }, 0xA0, 0x1E)]
        [InlineData(new byte[] { 0x12, 0x34 }, 0x26, 0xCF)]
        [InlineData(new byte[] { 0x50, 0x00 }, 0x57, 0xCD)]
        public void AppendWritesTheStandardCrcLowByteFirst(byte[] payload, byte low, byte high)
        {
            byte[] frame = new byte[payload.Length + 2];
            payload.CopyTo(frame, 0);
            Iso14443Crc.Append(frame, 0, payload.Length);
            Assert.Equal(low, frame[payload.Length]);
            Assert.Equal(high, frame[payload.Length + 1]);
            Assert.True(Iso14443Crc.Check(frame, 0, payload.Length));
        }

        [Fact]
        public void CheckRejectsAFlippedBit()
        {
            byte[] frame = { 0x93, 0x70, 0x11, 0x22, 0x33, 0x44, 0x44, 0, 0 };
            Iso14443Crc.Append(frame, 0, 7);
            for (int bit = 0; bit < 9 * 8; bit++)
            {
                frame[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.False(Iso14443Crc.Check(frame, 0, 7), "bit " + bit);
                frame[bit / 8] ^= (byte)(1 << (bit % 8));
            }

            Assert.True(Iso14443Crc.Check(frame, 0, 7));
        }

        [Fact]
        public void WorksAtAnOffset()
        {
            byte[] frame = { 0xFF, 0xFF, 0x12, 0x34, 0, 0 };
            Iso14443Crc.Append(frame, 2, 2);
            Assert.Equal(new byte[] { 0x26, 0xCF }, frame[4..]);
            Assert.Equal(0xCF26, Iso14443Crc.Compute(frame, 2, 2));
        }
    }
}
