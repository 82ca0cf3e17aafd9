using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// An answer saying "storage failed, nothing happened" is not cached: the host's retry (same request id, same
    /// bytes) is executed again and succeeds once the store works. Every other answer, errors included, is still
    /// replayed from the cache.
    /// </summary>
    [TestClass]
    public class StorageFailureRetryTests
    {
        // Sends the identical frame again and checks it was executed, not replayed.
        private static ReceivedFrame RetryExecuted(ReaderHarness h, IMessage request, ushort id)
        {
            int hits = h.Reader.Channel.CacheHits;
            h.Host.SendWithId(request, id);
            h.Tick();
            Assert.AreEqual(hits, h.Reader.Channel.CacheHits, "executed again, not answered from the cache");
            return h.Host.ResponseTo(id);
        }

        private static ErrorCode ErrorOf(ReceivedFrame f)
        {
            Assert.IsTrue(f.Header.IsError, "an error frame");
            return ProtocolError.Decode(f.Payload, 0, f.Payload.Length).Code;
        }

        [TestMethod]
        public void JournalReadErrorIsRetried()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            JournalRead read = new JournalRead();
            h.Store.FailReads = 1;
            ushort id = h.Request(read);
            Assert.AreEqual((int)ErrorCode.StorageFailure, (int)ErrorOf(h.Host.ResponseTo(id)));

            ReceivedFrame f = RetryExecuted(h, read, id);
            Assert.AreEqual((int)MessageType.JournalRecords, (int)f.Header.Type);
            Assert.AreEqual(1, JournalRecords.Decode(f.Payload, 0, f.Payload.Length).Records.Length);
        }

        [TestMethod]
        public void JournalAckErrorIsRetried()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            JournalAck ack = new JournalAck();
            ack.UpToCounter = 1;
            h.Store.FailWrites = 1;
            ushort id = h.Request(ack);
            Assert.AreEqual((int)ErrorCode.StorageFailure, (int)ErrorOf(h.Host.ResponseTo(id)));
            Assert.AreEqual(1, h.Reader.Journal.Count);

            ReceivedFrame f = RetryExecuted(h, ack, id);
            Assert.IsTrue(f.Header.IsAck);
            Assert.AreEqual(0, h.Reader.Journal.Count, "pruned by the retry");
        }

        [TestMethod]
        public void AuthorizeStorageFailureIsRetriedAndSignsOnce()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.EnterPin("1234");
            AuthorizeRequest request = ReaderHarness.Purchase(900, 30);
            h.Store.FailWrites = 1;
            ushort id = h.Request(request);
            AuthorizeResponse first = AuthorizeResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)AuthorizeStatus.StorageFailure, (int)first.Status);
            Assert.AreEqual(0, h.Reader.Journal.Count);

            ReceivedFrame f = RetryExecuted(h, request, id);
            AuthorizeResponse second = AuthorizeResponse.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)second.Status);
            Assert.IsTrue(second.Record.Verify(TestPlatform.CreateHmac(), TestKeys.ReaderKey()));
            Assert.AreEqual(1, h.Reader.Journal.Count, "one record for the nonce");

            // And now the answer is cached like any approval.
            int hits = h.Reader.Channel.CacheHits;
            h.Host.SendWithId(request, id);
            h.Tick();
            Assert.AreEqual(hits + 1, h.Reader.Channel.CacheHits);
            Assert.AreEqual(1, h.Reader.Journal.Count);
        }

        [TestMethod]
        public void HotlistStorageFailureIsRetried()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            HotlistUpdate update = new HotlistUpdate();
            update.Version = 4;
            update.CardNumbers = new string[] { "X1" };
            h.Store.FailWrites = 1;
            ushort id = h.Request(update);
            HotlistAck first = HotlistAck.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)HotlistStatus.StorageFailure, (int)first.Status);

            ReceivedFrame f = RetryExecuted(h, update, id);
            HotlistAck second = HotlistAck.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)HotlistStatus.Activated, (int)second.Status);
            Assert.AreEqual(4u, h.Reader.Hotlist.ActiveVersion);
        }

        [TestMethod]
        public void ProvisionStorageFailureIsRetried()
        {
            ReaderHarness h = new ReaderHarness();
            Provision provision = new Provision();
            provision.ReaderId = TestKeys.ReaderId;
            provision.Key = TestKeys.ReaderKey();
            h.Store.FailWrites = 1;
            ushort id = h.Request(provision);
            Assert.AreEqual((int)ProvisionStatus.StorageFailure, (int)ProvisionResponse.Decode(h.Host.ResponseTo(id).Payload, 0, 5).Status);

            provision.Key = TestKeys.ReaderKey();
            ReceivedFrame f = RetryExecuted(h, provision, id);
            Assert.AreEqual((int)ProvisionStatus.Provisioned, (int)ProvisionResponse.Decode(f.Payload, 0, f.Payload.Length).Status);
            Assert.IsTrue(h.Reader.Provisioning.IsProvisioned);
        }

        [TestMethod]
        public void CardKeysStorageFailureIsRetried()
        {
            ReaderHarness h = new ReaderHarness();
            h.Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            ProvisionCardKeys keys = new ProvisionCardKeys();
            keys.ReaderId = TestKeys.ReaderId;
            keys.KeyAMasterKey = TestKeys.KeyAMasterKey();
            h.Store.FailWrites = 1;
            ushort id = h.Request(keys);
            Assert.AreEqual((int)CardKeysStatus.StorageFailure, (int)ProvisionCardKeysResponse.Decode(h.Host.ResponseTo(id).Payload, 0, 1).Status);

            ReceivedFrame f = RetryExecuted(h, keys, id);
            Assert.AreEqual((int)CardKeysStatus.Installed, (int)ProvisionCardKeysResponse.Decode(f.Payload, 0, f.Payload.Length).Status);
            Assert.IsTrue(h.Reader.Provisioning.HasCardKeys);
        }

        [TestMethod]
        public void OtherErrorsAreStillReplayedFromTheCache()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            JournalAck ack = new JournalAck();
            ack.UpToCounter = 5;
            ushort id = h.Request(ack);
            Assert.AreEqual((int)ErrorCode.InvalidState, (int)ErrorOf(h.Host.ResponseTo(id)));
            int hits = h.Reader.Channel.CacheHits;
            h.Host.SendWithId(ack, id);
            h.Tick();
            Assert.AreEqual(hits + 1, h.Reader.Channel.CacheHits);
            Assert.AreEqual((int)ErrorCode.InvalidState, (int)ErrorOf(h.Host.ResponseTo(id)));
        }
    }
}
