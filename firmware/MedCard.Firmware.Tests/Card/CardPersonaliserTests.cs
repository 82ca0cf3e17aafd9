using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class CardPersonaliserTests
    {
        private static PersonaliseStatus Personalise(FakeCardField field)
        {
            DetectedCard detected = new DetectedCard();
            field.TryDetect(detected);
            CardPersonaliser p = new CardPersonaliser(field, TestPlatform.CreateHmac(), TestCards.IssuerKeys());
            return p.Personalise(detected, TestCards.Holder(TestKeys.CardNumber), CardPersonaliser.FactoryTransportKey);
        }

        [TestMethod]
        public void BlankCardIsPersonalisedAndReadsBack()
        {
            FakeCardField field = new FakeCardField();
            field.Card = new FakeMifareCard(TestKeys.Uid4());
            Assert.AreEqual((int)PersonaliseStatus.Ok, (int)Personalise(field));

            DetectedCard detected = new DetectedCard();
            field.TryDetect(detected);
            HolderData data = new HolderData();
            Assert.AreEqual((int)CardReadStatus.Ok, (int)new HolderCardReader(field, TestPlatform.CreateHmac(), TestCards.Keys()).Read(detected, data));
            Assert.AreEqual(TestKeys.CardNumber, data.CardNumber);
        }

        [TestMethod]
        public void NoHolderSectorKeepsTheFactoryKeyAndTrailersCarryOurAccessBits()
        {
            FakeMifareCard card = new FakeMifareCard(TestKeys.Uid4());
            FakeCardField field = new FakeCardField();
            field.Card = card;
            Personalise(field);
            for (int sector = CardLayout.FirstSector; sector < CardLayout.FirstSector + CardLayout.SectorCount; sector++)
            {
                Assert.IsFalse(card.KeyMatches(sector, MifareKeyType.KeyA, CardPersonaliser.FactoryTransportKey, 0), "key A changed");
                Assert.IsFalse(card.KeyMatches(sector, MifareKeyType.KeyB, CardPersonaliser.FactoryTransportKey, 0), "key B changed");
                int t = CardLayout.TrailerBlock(sector) * 16;
                Assert.AreEqual((byte)0x78, card.Memory[t + 6]);
                Assert.AreEqual((byte)0x77, card.Memory[t + 7]);
                Assert.AreEqual((byte)0x88, card.Memory[t + 8]);
                Assert.IsFalse(card.CanWrite(CardLayout.TrailerBlock(sector) - 1, MifareKeyType.KeyA), "key A is read-only");
            }
        }

        [TestMethod]
        public void PersonalisedCardIsNotBlankAnyMore()
        {
            FakeCardField field = new FakeCardField();
            field.Card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            Assert.AreEqual((int)PersonaliseStatus.NotBlank, (int)Personalise(field));
        }

        [TestMethod]
        public void WritesTheChipSilentlyDropsAreCaughtByReadBack()
        {
            FakeCardField field = new FakeCardField();
            field.Card = new FakeMifareCard(TestKeys.Uid4());
            field.Card.DropWrites = true;
            Assert.AreEqual((int)PersonaliseStatus.DataWriteFailed, (int)Personalise(field));
        }

        [TestMethod]
        public void FailedBlockWriteIsReported()
        {
            FakeCardField field = new FakeCardField();
            field.Card = new FakeMifareCard(TestKeys.Uid4());
            field.FailWrites = 1;
            Assert.AreEqual((int)PersonaliseStatus.DataWriteFailed, (int)Personalise(field));
            Assert.IsTrue(field.Reselects > 0, "a failed command is followed by a reselect");
        }

        [TestMethod]
        public void NonClassicCardIsRefused()
        {
            FakeCardField field = new FakeCardField();
            field.Card = new FakeMifareCard(TestKeys.Uid7());
            field.Card.Sak = 0x00;
            Assert.AreEqual((int)PersonaliseStatus.UnsupportedCard, (int)Personalise(field));
            Assert.AreEqual(0, field.BlockWrites);
        }
    }
}
