using MedCard.Firmware.Card;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class SectorKeyDiversifierTests
    {
        private static byte[] _a = new byte[6];
        private static byte[] _b = new byte[6];

        [TestMethod]
        public void KnownAnswerForSectorOne()
        {
            // HMAC-SHA256(40..5F, "MedCard.SectorKey.v1" 04 DEADBEEF 01), computed with Python's hmac module.
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac(), TestCards.Keys());
            d.Derive(TestKeys.Uid4(), 4, 1, _a, _b);
            CollectionAssert.AreEqual(TestKeys.FromHex("3BD762C4AA97"), _a);
            CollectionAssert.AreEqual(TestKeys.FromHex("D8B1E15947D4"), _b);
        }

        [TestMethod]
        public void KeysDifferPerSectorAndPerCard()
        {
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac(), TestCards.Keys());
            byte[] a1 = new byte[6];
            byte[] b1 = new byte[6];
            byte[] a2 = new byte[6];
            byte[] b2 = new byte[6];
            d.Derive(TestKeys.Uid4(), 4, 1, a1, b1);
            d.Derive(TestKeys.Uid4(), 4, 2, a2, b2);
            CollectionAssert.AreNotEqual(a1, a2);
            d.Derive(TestKeys.Uid7(), 7, 1, a2, b2);
            CollectionAssert.AreNotEqual(a1, a2);
            CollectionAssert.AreNotEqual(a1, b1);
            CollectionAssert.AreNotEqual(CardPersonaliser.FactoryTransportKey, a1);
        }
    }
}
