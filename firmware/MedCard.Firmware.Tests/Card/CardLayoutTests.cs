using MedCard.Firmware.Card;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class CardLayoutTests
    {
        [TestMethod]
        public void OurTrailerAccessBytesAre787788()
        {
            // Worked by hand from the MIFARE Classic datasheet: data blocks C1C2C3=100, trailer 011.
            CollectionAssert.AreEqual(new byte[] { 0x78, 0x77, 0x88 }, CardLayout.TrailerAccessBytes);
            Assert.IsTrue(AccessBits.IsConsistent(CardLayout.TrailerAccessBytes, 0));
        }

        [TestMethod]
        public void TransportConfigurationEncodesToFF0780()
        {
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0x07, 0x80 }, AccessBits.Encode(0, 0, 0, 1));
        }

        [TestMethod]
        public void InconsistentAccessBytesAreDetected()
        {
            Assert.IsFalse(AccessBits.IsConsistent(new byte[] { 0x78, 0x77, 0x89 }, 0));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => AccessBits.Encode(8, 0, 0, 0));
        }

        [TestMethod]
        public void HolderBlocksSkipTrailersAndSectorZero()
        {
            int[] expected = { 4, 5, 6, 8, 9, 10, 12, 13, 14 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], CardLayout.DataBlock(i));
                Assert.AreNotEqual(3, CardLayout.DataBlock(i) % 4, "never a trailer");
            }

            Assert.AreEqual(7, CardLayout.TrailerBlock(1));
            Assert.AreEqual(144, CardLayout.ImageSize);
            Assert.AreEqual(CardLayout.MacOffset + CardLayout.MacLength, CardLayout.ImageSize);
            Assert.AreEqual(CardLayout.ReservedOffset + CardLayout.ReservedLength, CardLayout.MacOffset);
        }
    }
}
