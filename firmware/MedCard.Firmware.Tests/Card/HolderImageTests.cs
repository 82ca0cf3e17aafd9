using MedCard.Firmware.Card;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class HolderImageTests
    {
        private static HolderImage Codec()
        {
            return new HolderImage(TestPlatform.CreateHmac(), TestCards.Keys());
        }

        private static byte[] GoodImage()
        {
            byte[] image = new byte[CardLayout.ImageSize];
            Codec().Encode(TestCards.Holder(TestKeys.CardNumber), TestKeys.Uid4(), 4, image);
            return image;
        }

        private static CardReadStatus Decode(byte[] image)
        {
            return Codec().Decode(image, TestKeys.Uid4(), 4, new HolderData());
        }

        // Re-MAC an image after editing it, as a careless issuer would (so the content check, not the MAC, must catch it).
        private static byte[] Remac(byte[] image)
        {
            Codec().WriteMac(image, TestKeys.Uid4(), 4);
            return image;
        }

        [TestMethod]
        public void RoundTrip()
        {
            HolderData data = new HolderData();
            Assert.AreEqual((int)CardReadStatus.Ok, (int)Codec().Decode(GoodImage(), TestKeys.Uid4(), 4, data));
            Assert.AreEqual(TestKeys.ResidentId, data.ResidentId);
            Assert.AreEqual(TestKeys.CardNumber, data.CardNumber);
            Assert.AreEqual((int)Gender.Male, (int)data.Gender);
            CollectionAssert.AreEqual(TestKeys.NameUtf8(), data.NameBytes());
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
            Assert.AreEqual((int)CardReadStatus.MalformedData, (int)Decode(Remac(image)));
        }

        [TestMethod]
        public void WrongCheckCharacterIsRefusedEvenWithAValidMac()
        {
            byte[] image = GoodImage();
            image[CardLayout.ResidentIdOffset + 17] = (byte)'5';
            Assert.AreEqual((int)CardReadStatus.BadIdCheckCharacter, (int)Decode(Remac(image)));
        }

        [TestMethod]
        public void TamperedDataFailsTheMac()
        {
            byte[] image = GoodImage();
            image[CardLayout.CardNumberOffset + 1] = (byte)'9';
            Assert.AreEqual((int)CardReadStatus.BadIssuerMac, (int)Decode(image));
        }

        [TestMethod]
        public void DataCopiedToAnotherUidFailsTheMac()
        {
            Assert.AreEqual((int)CardReadStatus.BadIssuerMac, (int)Codec().Decode(GoodImage(), TestKeys.Uid7(), 7, new HolderData()));
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
