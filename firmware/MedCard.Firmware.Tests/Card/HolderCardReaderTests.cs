using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class HolderCardReaderTests
    {
        private static FakeCardField _field;
        private static HolderData _data;

        private static CardReadStatus Read(FakeMifareCard card)
        {
            _field = new FakeCardField();
            _field.Card = card;
            return ReadAgain();
        }

        private static CardReadStatus ReadAgain()
        {
            DetectedCard detected = new DetectedCard();
            _field.TryDetect(detected);
            _data = new HolderData();
            return new HolderCardReader(_field, TestPlatform.CreateHmac(), TestCards.Keys()).Read(detected, _data);
        }

        [TestMethod]
        public void ReadsAPersonalisedCard()
        {
            Assert.AreEqual((int)CardReadStatus.Ok, (int)Read(TestCards.Personalised(TestKeys.Uid7(), "88888888")));
            Assert.AreEqual("88888888", _data.CardNumber);
            Assert.AreEqual(9, _field.Reads, "nine data blocks, no trailer");
            Assert.AreEqual(3, _field.Authentications, "one authentication per sector, with key A");
        }

        [TestMethod]
        public void BlankCardFailsAuthenticationWithDiversifiedKeys()
        {
            Assert.AreEqual((int)CardReadStatus.AuthenticationFailed, (int)Read(new FakeMifareCard(TestKeys.Uid4())));
            Assert.AreEqual(1, _field.Reselects);
            Assert.IsNull(_data.CardNumber);
        }

        [TestMethod]
        public void ReadFailureReselectsAndReports()
        {
            _field = new FakeCardField();
            _field.Card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            _field.FailReads = 1;
            Assert.AreEqual((int)CardReadStatus.ReadFailed, (int)ReadAgain());
            Assert.AreEqual(1, _field.Reselects);
            Assert.AreEqual((int)CardReadStatus.Ok, (int)ReadAgain(), "the next attempt works");
        }

        [TestMethod]
        public void CloneOnAnotherUidIsRefused()
        {
            FakeMifareCard original = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            FakeMifareCard clone = original.CloneTo(new byte[] { 1, 2, 3, 4 });
            Assert.AreEqual((int)CardReadStatus.AuthenticationFailed, (int)Read(clone), "its keys are diversified for the original UID");
        }

        [TestMethod]
        public void ExactCopyIncludingTheUidIsIndistinguishable()
        {
            // A documented limit: a "magic" card carrying the same UID and memory reads like the original. What stops
            // fraud there is the host (signed counter chain, PIN, hotlist), not the card.
            FakeMifareCard original = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            FakeMifareCard sameUid = original.CloneTo(TestKeys.Uid4());
            Assert.AreEqual((int)CardReadStatus.Ok, (int)Read(sameUid));
        }

        [TestMethod]
        public void UltralightIsUnsupported()
        {
            FakeMifareCard card = new FakeMifareCard(TestKeys.Uid7());
            card.Sak = 0x00;
            Assert.AreEqual((int)CardReadStatus.UnsupportedCard, (int)Read(card));
            Assert.AreEqual(0, _field.Authentications);
        }
    }
}
