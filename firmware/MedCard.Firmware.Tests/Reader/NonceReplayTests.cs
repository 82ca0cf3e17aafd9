using MedCard.Firmware.Reader;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Spec rule 7: the reader never signs two records for one host nonce. The RAM response cache covers retries
    /// until a reboot; these tests reboot the reader (a new ReaderCore over the same store) between the lost answer
    /// and the retry, so only the journal can answer.
    /// </summary>
    [TestClass]
    public class NonceReplayTests
    {
        // Signs one purchase and returns the answer's payload (the host "loses" it: the test just remembers it).
        private static byte[] SignOnce(ReaderHarness h, AuthorizeRequest request, ushort id)
        {
            h.PresentTestCard();
            h.EnterPin("1234");
            h.Host.SendWithId(request, id);
            h.Tick();
            ReceivedFrame f = h.Host.ResponseTo(id);
            AuthorizeResponse a = AuthorizeResponse.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)a.Status);
            return f.Payload;
        }

        private static ReceivedFrame Retry(ReaderHarness h, AuthorizeRequest request, ushort id)
        {
            int before = h.Host.Count;
            h.Host.SendWithId(request, id);
            h.Tick();
            Assert.AreEqual(before + 1, h.Host.Count, "answered once");
            return h.Host.ResponseTo(id);
        }

        [TestMethod]
        public void RetryAfterRebootGetsTheJournaledRecordWhileTheCardRests()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 40);
            byte[] first = SignOnce(h, request, 500);

            h.Reboot();
            h.Present(h.Field.Card);
            Assert.AreEqual((int)ReaderState.CardReady, (int)h.Reader.State, "the resting card was read again");
            int hits = h.Reader.Channel.CacheHits;

            ReceivedFrame f = Retry(h, request, 500);
            CollectionAssert.AreEqual(first, f.Payload, "the very record that was lost, byte for byte");
            Assert.AreEqual(hits, h.Reader.Channel.CacheHits, "not from the RAM cache: it was emptied by the reboot");
            Assert.AreEqual(1u, h.Reader.Counter.Last, "no second counter");
            Assert.AreEqual(1, h.Reader.Journal.Count, "no second record");
        }

        [TestMethod]
        public void RetryAfterRebootWithTheCardGoneStillGetsTheRecord()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 41);
            byte[] first = SignOnce(h, request, 501);

            h.Field.Card = null;
            h.Reboot();
            h.Run(500);
            ReceivedFrame f = Retry(h, request, 501);
            CollectionAssert.AreEqual(first, f.Payload);
            Assert.AreEqual(1u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void RetryWithANewRequestIdIsRecognisedByItsNonce()
        {
            // A host that restarted numbers its requests afresh: the id differs, the nonce does not.
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 42);
            byte[] first = SignOnce(h, request, 502);
            h.EnterPin("1234");

            ReceivedFrame f = Retry(h, request, 503);
            CollectionAssert.AreEqual(first, f.Payload);
            Assert.AreEqual(1u, h.Reader.Counter.Last);
        }

        [TestMethod]
        public void PinTypedAgainBeforeTheRetryIsUsedUpByTheReplay()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 43);
            SignOnce(h, request, 504);

            h.Reboot();
            h.Present(h.Field.Card);
            PinBlockResponse pin = h.EnterPin("1234");
            Assert.AreEqual((int)PinEntryStatus.Entered, (int)pin.Status);
            Retry(h, request, 504);

            // One PIN, one transaction: a new nonce now needs a new PIN.
            AuthorizeResponse next = h.Authorize(ReaderHarness.Purchase(700, 44));
            Assert.AreEqual((int)AuthorizeStatus.PinRequired, (int)next.Status);
            Assert.AreEqual(1u, h.Reader.Counter.Last);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        public void SameNonceWithOtherFieldsIsInvalidState(int changed)
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 45);
            SignOnce(h, request, 505);
            h.Reboot();
            h.Present(h.Field.Card);
            h.EnterPin("1234");

            AuthorizeRequest other = ReaderHarness.Purchase(2500, 45);
            switch (changed)
            {
                case 1:
                    other.Amount = 2501;
                    break;
                case 2:
                    other.TransactionType = TransactionType.Emergency;
                    break;
                case 3:
                    other.Time = request.Time + 1;
                    break;
                default:
                    other.CardNumber = "B1";
                    break;
            }

            ReceivedFrame f = Retry(h, other, 505);
            Assert.IsTrue(f.Header.IsError);
            Assert.AreEqual((int)ErrorCode.InvalidState, (int)ProtocolError.Decode(f.Payload, 0, f.Payload.Length).Code);
            Assert.AreEqual(1u, h.Reader.Counter.Last, "nothing signed");
            Assert.AreEqual(1, h.Reader.Journal.Count);
        }

        [TestMethod]
        public void JournaledNonceWhoseRecordIsLostIsRefusedNotSignedAgain()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 46);
            SignOnce(h, request, 506);
            h.Store.Delete("j00");
            h.EnterPin("1234");

            ReceivedFrame f = Retry(h, request, 507);
            AuthorizeResponse a = AuthorizeResponse.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)AuthorizeStatus.StorageFailure, (int)a.Status);
            Assert.AreEqual(1u, h.Reader.Counter.Last, "nothing signed");
        }

        [TestMethod]
        public void FreshNonceStillSignsANewRecord()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            SignOnce(h, ReaderHarness.Purchase(2500, 47), 508);
            h.EnterPin("1234");
            AuthorizeResponse a = h.Authorize(ReaderHarness.Purchase(2500, 60));
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)a.Status);
            Assert.AreEqual(2u, a.Record.Counter);
        }

        [TestMethod]
        public void UnprovisionedReaderDoesNotConsultTheJournal()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            AuthorizeRequest request = ReaderHarness.Purchase(2500, 48);
            SignOnce(h, request, 509);
            Reset wipe = new Reset();
            wipe.Mode = ResetMode.FactoryWipe;
            wipe.ConfirmReaderId = TestKeys.ReaderId;
            h.Request(wipe);
            Assert.IsTrue(h.Reader.RebootRequested);
            h.Reboot();
            ReceivedFrame f = Retry(h, request, 509);
            AuthorizeResponse a = AuthorizeResponse.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)AuthorizeStatus.NotProvisioned, (int)a.Status);
        }
    }
}
