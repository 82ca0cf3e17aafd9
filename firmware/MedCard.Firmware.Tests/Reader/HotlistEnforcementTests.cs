using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>The hotlist is checked before PIN entry and again at authorization, with or without the host.</summary>
    [TestClass]
    public class HotlistEnforcementTests
    {
        private static void Block(ReaderHarness h, uint version, string cardNumber)
        {
            HotlistUpdate u = new HotlistUpdate();
            u.Version = version;
            u.CardNumbers = new string[] { cardNumber };
            ushort id = h.Request(u);
            HotlistAck ack = HotlistAck.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)HotlistStatus.Activated, (int)ack.Status);
        }

        [TestMethod]
        public void HotlistedCardGetsNoPinEntry()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Block(h, 1, TestKeys.CardNumber);
            h.PresentTestCard();
            ushort id = h.RequestPin();
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Hotlisted, (int)r.Status);
            Assert.AreEqual((int)ReaderState.WaitingRemoval, (int)h.Reader.State);
            Assert.IsTrue(h.Feedback.IsOn(MedCard.Firmware.Hardware.FeedbackLed.Red));
        }

        [TestMethod]
        public void HotlistPushedAfterPinIsEnforcedAtAuthorization()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            Block(h, 1, TestKeys.CardNumber);
            Assert.AreEqual((int)AuthorizeStatus.Hotlisted, (int)h.Authorize(ReaderHarness.Purchase(100, 1)).Status);
            Assert.AreEqual(0u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void HotlistIsEnforcedAfterARebootWithoutTheHost()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Block(h, 1, TestKeys.CardNumber);
            h.Reboot();
            h.PresentTestCard();
            ushort id = h.RequestPin();
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Hotlisted, (int)r.Status);
        }

        [TestMethod]
        public void UidHashEntryBlocksTheCardWhateverItsNumber()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            HotlistUpdate u = new HotlistUpdate();
            u.Version = 2;
            u.EntryKind = HotlistEntryKind.UidHash;
            u.UidHashes = new byte[8];
            HotlistUpdate.ComputeUidHash(TestPlatform.CreateHmac(), TestKeys.Uid4(), 0, 4, u.UidHashes, 0);
            h.Request(u);
            h.PresentTestCard();
            ushort id = h.RequestPin();
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.Hotlisted, (int)r.Status);
        }

        [TestMethod]
        public void OtherCardsAreUnaffected()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Block(h, 1, "LOST1");
            h.PresentTestCard();
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)h.PayWithPin(100, 1).Status);
        }
    }
}
