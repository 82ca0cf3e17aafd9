using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>A retried request (same id, same bytes) gets the cached answer and never signs or counts twice.</summary>
    [TestClass]
    public class IdempotencyTests
    {
        [TestMethod]
        public void RetriedAuthorizeGetsTheSameBytesAndSignsOnce()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 9);
            ushort id = h.Request(request);
            byte[] first = h.Host.ResponseTo(id).Payload;
            int framesBefore = h.Host.Count;

            h.Host.SendWithId(request, id);
            h.Tick();
            h.Host.SendWithId(request, id);
            h.Tick();

            Assert.AreEqual(framesBefore + 2, h.Host.Count, "each retry is answered");
            CollectionAssert.AreEqual(first, h.Host.ResponseTo(id).Payload);
            Assert.AreEqual(1u, h.Reader.Counter.Last, "counted once");
            Assert.AreEqual(1, h.Reader.Journal.Count, "journaled once");
            Assert.AreEqual(2, h.Reader.Channel.CacheHits);
        }

        [TestMethod]
        public void SameIdWithDifferentBytesIsANewRequest()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            ushort id = h.Request(ReaderHarness.Purchase(2500, 9));
            h.Run(2000);
            h.EnterPin("1234");
            h.Host.SendWithId(ReaderHarness.Purchase(300, 10), id);
            h.Tick();
            AuthorizeResponse a = AuthorizeResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)a.Status);
            Assert.AreEqual(300L, a.Record.Amount);
            Assert.AreEqual(2u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void RetriedPinRequestDuringEntryIsAbsorbedThenAnsweredFromCache()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            PinRequest request = new PinRequest();
            ushort id = h.Request(request);
            h.Type("12");
            int framesBefore = h.Host.Count;
            h.Host.SendWithId(request, id);
            h.Tick();
            Assert.AreEqual(framesBefore, h.Host.Count, "no answer of its own (no NACK Busy): the PIN block is its answer");
            Assert.IsNull(h.Host.ResponseTo(id));
            Assert.AreEqual(2, h.Reader.PinDigitCount, "the retry did not restart entry");

            h.Type("34#");
            byte[] answer = h.Host.ResponseTo(id).Payload;
            Assert.AreEqual((int)PinEntryStatus.Entered, (int)PinBlockResponse.Decode(answer, 0, answer.Length).Status);
            h.Host.SendWithId(request, id);
            h.Tick();
            CollectionAssert.AreEqual(answer, h.Host.ResponseTo(id).Payload, "after entry the retry gets the cached block");
            Assert.AreEqual((int)MedCard.Firmware.Reader.ReaderState.CardReady, (int)h.Reader.State, "and does not start a new entry");
        }

        [TestMethod]
        public void AuthorizeDuringPinEntryIsBusy()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.RequestPin();
            ushort id = h.Request(ReaderHarness.Purchase(100, 1));
            Assert.IsTrue(h.Host.ResponseTo(id).Header.IsNack);
            Assert.AreEqual(0u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void RetriedJournalAckIsHarmless()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            JournalAck ack = new JournalAck();
            ack.UpToCounter = 1;
            ushort id = h.Request(ack);
            Assert.IsTrue(h.Host.ResponseTo(id).Header.IsAck);
            h.Host.SendWithId(ack, id);
            h.Tick();
            Assert.IsTrue(h.Host.ResponseTo(id).Header.IsAck);
            Assert.AreEqual(0, h.Reader.Journal.Count);
        }
    }
}
