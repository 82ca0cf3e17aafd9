using MedCard.Firmware.Reader;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>A card lifted at every step aborts cleanly: back to Idle, PIN wiped, host told, nothing signed.</summary>
    [TestClass]
    public class CardLiftedTests
    {
        private static void AssertCleanIdle(ReaderHarness h, uint counterBefore)
        {
            Assert.AreEqual((int)ReaderState.Idle, (int)h.Reader.State);
            Assert.AreEqual(0, h.Reader.PinDigitCount);
            Assert.IsFalse(h.Reader.CardPresent);
            Assert.IsNull(h.Reader.Holder.CardNumber, "holder data forgotten");
            Assert.AreEqual(counterBefore, h.Reader.Counter.Last, "nothing signed");
        }

        [TestMethod]
        public void LiftedBeforePresenceIsConfirmed()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Field.Card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            h.Run(100);
            h.Lift();
            AssertCleanIdle(h, 0);
            Assert.AreEqual(0, h.Host.Count, "a card never confirmed is never reported");
        }

        [TestMethod]
        public void LiftedWhileReading()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Field.Card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            h.Field.FailAuthentications = 1000;
            h.Run(130);
            Assert.AreEqual((int)ReaderState.ReadingCard, (int)h.Reader.State);
            h.Field.Card = null;
            h.Run(1000);
            Assert.AreNotEqual((int)ReaderState.ReadingCard, (int)h.Reader.State);
            h.Run(1000);
            AssertCleanIdle(h, 0);
        }

        [TestMethod]
        public void LiftedWhileWaitingForTheHost()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.Lift();
            AssertCleanIdle(h, 0);
            Assert.AreEqual(1, h.Host.CountOf(MessageType.CardRemoved));
        }

        [TestMethod]
        public void LiftedDuringPinEntry()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            ushort id = h.RequestPin();
            h.Type("12");
            h.Lift();
            AssertCleanIdle(h, 0);
            ReceivedFrame f = h.Host.ResponseTo(id);
            Assert.IsNotNull(f);
            Assert.AreEqual((int)PinEntryStatus.CardRemoved, (int)PinBlockResponse.Decode(f.Payload, 0, f.Payload.Length).Status);
            Assert.AreEqual(1, h.Host.CountOf(MessageType.CardRemoved));
        }

        [TestMethod]
        public void LiftedAfterPinBeforeAuthorize()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            h.Lift();
            AssertCleanIdle(h, 0);
            AuthorizeResponse a = h.Authorize(ReaderHarness.Purchase(100, 1));
            Assert.AreEqual((int)AuthorizeStatus.CardRemoved, (int)a.Status);
            Assert.AreEqual(0u, h.Reader.Counter.Last);
            Assert.AreEqual(0, h.Reader.Journal.Count);
        }

        [TestMethod]
        public void LiftedWhileShowingTheResult()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            Assert.AreEqual((int)ReaderState.ShowingResult, (int)h.Reader.State);
            h.Lift();
            AssertCleanIdle(h, 1);
            Assert.AreEqual(1, h.Reader.Journal.Count, "the signed record stays journaled");
        }

        [TestMethod]
        public void LiftedWhileWaitingForRemovalAfterRefusal()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Present(new FakeMifareCard(TestKeys.Uid7()));
            Assert.AreEqual((int)ReaderState.WaitingRemoval, (int)h.Reader.State);
            h.Lift();
            AssertCleanIdle(h, 0);
        }

        [TestMethod]
        public void AnotherCardSwappedInDuringPinEntryCannotUseThePin()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            h.Field.Card = TestCards.Personalised(TestKeys.Uid7(), "B7777777");
            h.Run(2000);
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State);
            Assert.AreEqual("B7777777", h.Reader.Holder.CardNumber);
            AuthorizeRequest r = ReaderHarness.Purchase(100, 1);
            r.CardNumber = "B7777777";
            Assert.AreEqual((int)AuthorizeStatus.PinRequired, (int)h.Authorize(r).Status);
        }
    }
}
