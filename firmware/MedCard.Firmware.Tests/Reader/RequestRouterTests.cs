using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>Every request gets an answer; unknown, misplaced and malformed ones get the right error.</summary>
    [TestClass]
    public class RequestRouterTests
    {
        private static ErrorCode ErrorFor(ReaderHarness h, ushort id)
        {
            ReceivedFrame f = h.Host.ResponseTo(id);
            Assert.IsNotNull(f, "answered");
            Assert.IsTrue(f.Header.IsError, "an error frame");
            return ProtocolError.Decode(f.Payload, 0, f.Payload.Length).Code;
        }

        [TestMethod]
        public void UnknownTypeGetsAnError()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Host.SendRaw(FrameHeader.Request((MessageType)0x3E, 77), new byte[] { 1, 2 });
            h.Tick();
            Assert.AreEqual((int)ErrorCode.UnknownMessageType, (int)ErrorFor(h, 77));
        }

        [TestMethod]
        public void ReaderSideTypeSentAsRequestIsUnexpected()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Host.SendRaw(FrameHeader.Request(MessageType.CardPresented, 78), new byte[0]);
            h.Tick();
            Assert.AreEqual((int)ErrorCode.UnexpectedFlags, (int)ErrorFor(h, 78));
        }

        [TestMethod]
        public void MalformedPayloadGetsAnError()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Host.SendRaw(FrameHeader.Request(MessageType.AuthorizeRequest, 79), new byte[] { 1, 2, 3 });
            h.Tick();
            Assert.AreEqual((int)ErrorCode.MalformedPayload, (int)ErrorFor(h, 79));
        }

        [TestMethod]
        public void UnprovisionedReaderServesOnlyTheBasics()
        {
            ReaderHarness h = new ReaderHarness();
            ushort id = h.Request(new JournalRead());
            Assert.AreEqual((int)ErrorCode.NotProvisioned, (int)ErrorFor(h, id));
            id = h.Request(new StatusRequest());
            Assert.IsFalse(h.Host.ResponseTo(id).Header.IsError);
            id = h.RequestPin();
            PinBlockResponse r = PinBlockResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)PinEntryStatus.NotProvisioned, (int)r.Status);
        }

        [TestMethod]
        public void HelloSetsTheClockAndDescribesTheReader()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Hello hello = new Hello();
            hello.HostTime = 1767225600;
            ushort id = h.Request(hello);
            Capabilities caps = Capabilities.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual(TestKeys.ReaderId, caps.ReaderId);
            Assert.AreEqual("test-board", caps.BoardName);
            Assert.IsTrue((caps.Flags & CapabilityFlags.Provisioned) != 0);
            Assert.IsTrue((caps.Flags & CapabilityFlags.Keypad) != 0);
            Assert.IsTrue(h.Clock.IsSet);
            Assert.AreEqual(1767225600u, h.Clock.UtcSeconds);
        }

        [TestMethod]
        public void StatusReportsCounterJournalAndHotlistAge()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            HotlistUpdate u = new HotlistUpdate();
            u.Version = 4;
            u.CardNumbers = new string[] { "X1" };
            h.Request(u);
            h.Run(5000);
            ushort id = h.Request(new StatusRequest());
            StatusResponse s = StatusResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual(1u, s.Counter);
            Assert.AreEqual((ushort)1, s.JournalCount);
            Assert.AreEqual((ushort)8, s.JournalCapacity);
            Assert.AreEqual(4u, s.HotlistVersion);
            Assert.AreEqual(5u, s.HotlistAgeSeconds);
            Assert.IsTrue((s.Flags & StatusFlags.Provisioned) != 0);
            Assert.IsTrue((s.Flags & StatusFlags.CardPresent) != 0);
            Assert.IsTrue(s.FramesAccepted >= 3, "the decoder counters are reported");
        }

        [TestMethod]
        public void JournalAckBeyondTheLatestCounterIsInvalid()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            JournalAck ack = new JournalAck();
            ack.UpToCounter = 5;
            ushort id = h.Request(ack);
            Assert.AreEqual((int)ErrorCode.InvalidState, (int)ErrorFor(h, id));
        }

        [TestMethod]
        public void StorageErrorWhileReadingTheJournalIsAnsweredNotThrown()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            h.Store.FailReads = 1;
            ushort id = h.Request(new JournalRead());
            Assert.AreEqual((int)ErrorCode.StorageFailure, (int)ErrorFor(h, id));
            id = h.Request(new JournalRead());
            Assert.IsFalse(h.Host.ResponseTo(id).Header.IsError, "works again once the store does");
        }

        [TestMethod]
        [DataRow(0x10)]
        [DataRow(0x20)]
        [DataRow(0x40)]
        [DataRow(0x80)]
        [DataRow(0xF0)]
        public void ReservedFlagBitsAreIgnored(int reserved)
        {
            // Spec: reserved bits 4-7 are sent as 0 and ignored on receipt, so a future host setting one still
            // gets its request served, and the answer carries none of them.
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Host.SendRaw(new FrameHeader(MessageType.StatusRequest, 90, (FrameFlags)reserved), new byte[0]);
            h.Tick();
            ReceivedFrame f = h.Host.ResponseTo(90);
            Assert.IsNotNull(f, "answered");
            Assert.AreEqual((int)MessageType.StatusResponse, (int)f.Header.Type);
            Assert.AreEqual((int)FrameFlags.Response, (int)f.Header.Flags);
        }

        [TestMethod]
        [DataRow(0x02)]
        [DataRow(0x04)]
        [DataRow(0x08)]
        [DataRow(0x12)]
        [DataRow(0x88)]
        public void AnswerFlagsOnARequestAreStillUnexpected(int flags)
        {
            // Ignoring the reserved bits must not let a defined answer flag through on a request.
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Host.SendRaw(new FrameHeader(MessageType.StatusRequest, 91, (FrameFlags)flags), new byte[0]);
            h.Tick();
            Assert.AreEqual((int)ErrorCode.UnexpectedFlags, (int)ErrorFor(h, 91));
        }

        [TestMethod]
        public void RetryWithOtherReservedBitsIsStillARetry()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            byte[] hello = new byte[Hello.EncodedLength];
            Hello m = new Hello();
            m.HostTime = 1767225600;
            m.Encode(hello, 0);
            h.Host.SendRaw(new FrameHeader(MessageType.Hello, 92, (FrameFlags)0x40), hello);
            h.Tick();
            int hits = h.Reader.Channel.CacheHits;
            h.Host.SendRaw(FrameHeader.Request(MessageType.Hello, 92), hello);
            h.Tick();
            Assert.AreEqual(hits + 1, h.Reader.Channel.CacheHits, "answered from the cache, not executed again");
            Assert.AreEqual(2, h.Host.CountOf(MessageType.Capabilities));
        }

        [TestMethod]
        public void DamagedFrameIsNotAnswered()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.Link.HostWrite(new byte[] { 0x05, 0x01, 0x02, 0x03, 0x04, 0x00 }, 0, 6);
            h.Tick();
            Assert.AreEqual(0, h.Host.Count);
            Assert.IsTrue(h.Reader.Channel.Decoder.DroppedFrames > 0);
        }
    }
}
