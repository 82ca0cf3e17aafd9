using MedCard.Firmware.Reader;
using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class CardPresenceTests
    {
        private static FakeCardField _field;
        private static CardPresence _presence;
        private static long _now;
        private static int _arrivals;
        private static int _departures;

        private static void Fresh()
        {
            _field = new FakeCardField();
            _presence = new CardPresence(_field, new ReaderTimings());
            _now = 0;
            _arrivals = 0;
            _departures = 0;
        }

        private static void RunFor(int ms)
        {
            for (int t = 0; t < ms; t += 10)
            {
                _now += 10;
                PresenceChange c = _presence.Poll(_now);
                if (c == PresenceChange.Arrived)
                {
                    _arrivals++;
                }
                else if (c == PresenceChange.Left)
                {
                    _departures++;
                }
            }
        }

        [TestMethod]
        public void CardArrivesAfterTwoConsistentPolls()
        {
            Fresh();
            _field.Card = new FakeMifareCard(TestKeys.Uid4());
            RunFor(100);
            Assert.AreEqual(0, _arrivals, "one poll is not enough");
            RunFor(100);
            Assert.AreEqual(1, _arrivals);
            Assert.IsTrue(_presence.IsPresent);
        }

        [TestMethod]
        public void RestingCardThatMissesPollsDoesNotFlap()
        {
            Fresh();
            _field.Card = new FakeMifareCard(TestKeys.Uid4());
            RunFor(300);
            _field.MissEveryNth = 2;
            RunFor(60000);
            Assert.AreEqual(1, _arrivals);
            Assert.AreEqual(0, _departures, "a card answering every other poll stays present for a minute");
            _field.MissEveryNth = 0;
            _field.MissDetections = 2;
            RunFor(1000);
            Assert.AreEqual(0, _departures, "two misses in a row are not a removal");
        }

        [TestMethod]
        public void LiftedCardLeavesAfterMissesAndMinimumTime()
        {
            Fresh();
            _field.Card = new FakeMifareCard(TestKeys.Uid4());
            RunFor(300);
            _field.Card = null;
            RunFor(300);
            Assert.AreEqual(0, _departures, "not before RemovalMinMs");
            RunFor(200);
            Assert.AreEqual(1, _departures);
            Assert.IsFalse(_presence.IsPresent);
        }

        [TestMethod]
        public void SwappedCardIsARemovalThenAnArrival()
        {
            Fresh();
            _field.Card = new FakeMifareCard(TestKeys.Uid4());
            RunFor(300);
            _field.Card = new FakeMifareCard(TestKeys.Uid7());
            RunFor(1000);
            Assert.AreEqual(1, _departures);
            Assert.AreEqual(2, _arrivals);
            Assert.AreEqual(7, _presence.Current.UidLength);
        }

        [TestMethod]
        public void PollsAreRateLimited()
        {
            Fresh();
            RunFor(1000);
            Assert.AreEqual(10, _field.Detections, "one poll per 100 ms");
        }
    }
}
