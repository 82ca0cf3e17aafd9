using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class AuthorizeTests
    {
        [TestMethod]
        public void ApprovedRecordVerifiesAndChains()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            SignedRecord first = h.PayWithPin(2500, 1).Record;
            h.Run(2000);
            SignedRecord second = h.PayWithPin(700, 2).Record;
            Assert.IsNotNull(second, "a second PIN entry allows a second transaction on the same presentation");
            Assert.IsTrue(first.Verify(TestPlatform.CreateHmac(), TestKeys.ReaderKey()));
            Assert.IsTrue(second.Verify(TestPlatform.CreateHmac(), TestKeys.ReaderKey()));
            Assert.AreEqual(1u, first.Counter);
            Assert.AreEqual(2u, second.Counter);
            CollectionAssert.AreEqual(new byte[16], first.PreviousMac, "first record after provisioning chains to zeros");
            CollectionAssert.AreEqual(first.Mac, second.PreviousMac);
            Assert.AreEqual(TestKeys.ReaderId, second.ReaderId);
            Assert.AreEqual(700L, second.Amount);
            CollectionAssert.AreEqual(TestKeys.Uid4(), second.CardUid);
            CollectionAssert.AreEqual(TestKeys.Sequence(2, 8), second.HostNonce);
            Assert.AreEqual(2, h.Reader.Journal.Count);
        }

        [TestMethod]
        public void PinIsRequiredAndConsumed()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            Assert.AreEqual((int)AuthorizeStatus.PinRequired, (int)h.Authorize(ReaderHarness.Purchase(100, 1)).Status);
            h.EnterPin("1234");
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)h.Authorize(ReaderHarness.Purchase(100, 2)).Status);
            Assert.AreEqual((int)AuthorizeStatus.PinRequired, (int)h.Authorize(ReaderHarness.Purchase(100, 3)).Status, "one PIN, one transaction");
            Assert.AreEqual(1u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void OtherCardNumberIsAMismatch()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            AuthorizeRequest r = ReaderHarness.Purchase(100, 1);
            r.CardNumber = "Z9";
            Assert.AreEqual((int)AuthorizeStatus.CardMismatch, (int)h.Authorize(r).Status);
            Assert.AreEqual(0u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void NoCardNoSignature()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Assert.AreEqual((int)AuthorizeStatus.NoCard, (int)h.Authorize(ReaderHarness.Purchase(100, 1)).Status);
        }

        [TestMethod]
        public void UnprovisionedReaderRefuses()
        {
            ReaderHarness h = new ReaderHarness();
            Assert.AreEqual((int)AuthorizeStatus.NotProvisioned, (int)h.Authorize(ReaderHarness.Purchase(100, 1)).Status);
        }

        [TestMethod]
        public void FullJournalRefusesWithoutTouchingTheCounter()
        {
            ReaderHarness h = new ReaderHarness();
            h.Options.JournalCapacity = 2;
            h.Reboot();
            h.ProvisionDirectly();
            h.PresentTestCard();
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)h.PayWithPin(1, 1).Status);
            h.Run(2000);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)h.PayWithPin(1, 2).Status);
            h.Run(2000);
            Assert.AreEqual((int)AuthorizeStatus.JournalFull, (int)h.PayWithPin(1, 3).Status);
            Assert.AreEqual(2u, h.Reader.Counter.Last);
            Assert.IsTrue(h.Feedback.IsOn(MedCard.Firmware.Hardware.FeedbackLed.Red));

            JournalAck ack = new JournalAck();
            ack.UpToCounter = 2;
            h.Request(ack);
            h.Run(2000);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)h.PayWithPin(1, 4).Status, "acknowledging frees the journal");
        }

        [TestMethod]
        public void StorageFailureSignsNothing()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            h.Store.FailWrites = 1;
            AuthorizeResponse a = h.Authorize(ReaderHarness.Purchase(100, 1));
            Assert.AreEqual((int)AuthorizeStatus.StorageFailure, (int)a.Status);
            Assert.IsNull(a.Record);
            Assert.AreEqual(0, h.Reader.Journal.Count);
        }

        [TestMethod]
        public void JournalReadReturnsTheSignedRecords()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            SignedRecord signed = h.PayWithPin(2500, 1).Record;
            JournalRead read = new JournalRead();
            ushort id = h.Request(read);
            ReceivedFrame f = h.Host.ResponseTo(id);
            JournalRecords records = JournalRecords.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual(1, records.Records.Length);
            Assert.IsTrue(signed.SameAs(records.Records[0]));
            Assert.AreEqual(1u, records.LatestCounter);
            Assert.AreEqual(1u, records.OldestCounter);
            Assert.AreEqual(0u, records.NextCounter);
        }
    }
}
