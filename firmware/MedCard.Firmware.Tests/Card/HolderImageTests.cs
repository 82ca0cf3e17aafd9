using MedCard.Firmware.Card;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class HolderImageTests
    {
        private static byte[] GoodImage()
        {
            byte[] image = new byte[CardLayout.ImageSize];
            HolderImage.Encode(TestCards.Holder(TestKeys.CardNumber), image);
            for (int i = 0; i < CardLayout.MacLength; i++)
            {
                image[CardLayout.MacOffset + i] = (byte)(0xA0 + i);
            }

            return image;
        }

        private static CardReadStatus Decode(byte[] image)
        {
            return HolderImage.Decode(image, new HolderData());
        }

        [TestMethod]
        public void RoundTripHandsTheStoredMacOnUnverified()
        {
            HolderData data = new HolderData();
            Assert.AreEqual((int)CardReadStatus.Ok, (int)HolderImage.Decode(GoodImage(), data));
            Assert.AreEqual(TestKeys.ResidentId, data.ResidentId);
            Assert.AreEqual(TestKeys.CardNumber, data.CardNumber);
            Assert.AreEqual((int)Gender.Male, (int)data.Gender);
            CollectionAssert.AreEqual(TestKeys.NameUtf8(), data.NameBytes());
            CollectionAssert.AreEqual(TestKeys.FromHex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"), data.IssuerMacBytes());
            data.Clear();
            CollectionAssert.AreEqual(new byte[16], data.IssuerMac);
        }

        [TestMethod]
        public void EncodingIsTheSharedLayoutTheHostRebuilds()
        {
            byte[] image = GoodImage();
            byte[] shared = new byte[HolderImageLayout.CoveredLength];
            HolderData h = TestCards.Holder(TestKeys.CardNumber);
            HolderImageLayout.WriteCovered(h.ResidentId, (byte)h.Gender, h.CardNumber, h.Name, h.NameLength, shared, 0);
            for (int i = 0; i < shared.Length; i++)
            {
                Assert.AreEqual(shared[i], image[i]);
            }
        }

        [TestMethod]
        public void EmptySectorsAreNotPersonalised()
        {
            Assert.AreEqual((int)CardReadStatus.NotPersonalised, (int)Decode(new byte[CardLayout.ImageSize]));
        }

        [TestMethod]
        public void UnknownVersionIsRefused()
        {
            byte[] image = GoodImage();
            image[CardLayout.VersionOffset] = 2;
            Assert.AreEqual((int)CardReadStatus.UnsupportedLayout, (int)Decode(image));
        }

        [TestMethod]
        [DataRow(CardLayout.GenderOffset, 3)]
        [DataRow(CardLayout.ResidentIdOffset, 0x41)]
        [DataRow(CardLayout.CardNumberLengthOffset, 0)]
        [DataRow(CardLayout.CardNumberLengthOffset, 21)]
        [DataRow(CardLayout.CardNumberOffset, 0x61)]
        [DataRow(CardLayout.NameLengthOffset, 0)]
        [DataRow(CardLayout.NameLengthOffset, 49)]
        [DataRow(CardLayout.NameOffset, 0xFF)]
        [DataRow(CardLayout.ReservedOffset, 1)]
        public void MalformedFieldIsRefused(int offset, int value)
        {
            byte[] image = GoodImage();
            image[offset] = (byte)value;
            Assert.AreEqual((int)CardReadStatus.MalformedData, (int)Decode(image));
        }

        [TestMethod]
        public void WrongCheckCharacterIsRefused()
        {
            byte[] image = GoodImage();
            image[CardLayout.ResidentIdOffset + 17] = (byte)'5';
            Assert.AreEqual((int)CardReadStatus.BadIdCheckCharacter, (int)Decode(image));
        }

        [TestMethod]
        public void InvalidHolderInputIsRejected()
        {
            HolderData data = new HolderData();
            Assert.ThrowsException(typeof(System.ArgumentException), () => data.Set("110105194912310021", TestKeys.NameUtf8(), Gender.Male, "A1"));
            Assert.ThrowsException(typeof(System.ArgumentException), () => data.Set(TestKeys.ResidentId, new byte[49], Gender.Male, "A1"));
            Assert.ThrowsException(typeof(System.ArgumentException), () => data.Set(TestKeys.ResidentId, TestKeys.NameUtf8(), Gender.Male, "a1"));
        }
    }
}
