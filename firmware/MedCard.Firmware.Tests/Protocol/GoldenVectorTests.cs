using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The protocol's golden vectors (tests/MedCard.Protocol.TestVectors/GoldenVectors.cs, the one copy of their hex) checked
    /// on the runtime the suite runs on: on a device this proves the firmware's build of the protocol produces the
    /// bytes the host expects. The crypto-free vectors are also checked one by one, so the emulator (no crypto)
    /// still covers CRC, COBS and framing, and a mismatch names the vector that failed.
    /// </summary>
    [TestClass]
    public class GoldenVectorTests
    {
        [TestMethod]
        public void EveryGoldenVectorMatches()
        {
            Assert.IsNull(GoldenVectorCheck.FirstMismatch(TestPlatform.CreateHmac()));
        }

        [TestMethod]
        public void EveryVectorWithoutCryptoMatches()
        {
            // What the emulator can check: everything but the MAC and its verification.
            Assert.IsNull(GoldenVectorCheck.FirstMismatch(null));
        }

        [TestMethod]
        public void Crc32CheckValue()
        {
            byte[] ascii = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(GoldenVectors.Crc32Check, Crc32.Compute(ascii, 0, ascii.Length));
        }

        [TestMethod]
        public void Crc32IsIncrementalOverAnySplit()
        {
            byte[] ascii = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            for (int split = 0; split <= ascii.Length; split++)
            {
                uint register = Crc32.Update(Crc32.Initial, ascii, 0, split);
                register = Crc32.Update(register, ascii, split, ascii.Length - split);
                Assert.AreEqual(GoldenVectors.Crc32Check, Crc32.Finish(register), "split at " + split.ToString());
            }
        }

        [TestMethod]
        [DataRow("", "01")]
        [DataRow("00", "0101")]
        [DataRow("0000", "010101")]
        [DataRow("1100", "021101")]
        [DataRow("11220033", "0311220233")]
        [DataRow("11223344", "0511223344")]
        public void CobsPair(string input, string encoded)
        {
            byte[] raw = Hex.Decode(input);
            byte[] buf = new byte[16];
            int n = Cobs.Encode(raw, 0, raw.Length, buf, 0);
            Assert.AreEqual(encoded, Hex.Encode(buf, 0, n));

            byte[] stuffed = Hex.Decode(encoded);
            n = Cobs.Decode(stuffed, 0, stuffed.Length, buf, 0);
            Assert.AreEqual(input, Hex.Encode(buf, 0, n));
        }

        [TestMethod]
        public void CobsPairsOfTheGoldenFileAreTheOnesAbove()
        {
            // The DataRows above restate GoldenVectors.CobsPairs; this keeps the two from drifting apart.
            Assert.AreEqual(":01;00:0101;0000:010101;1100:021101;11220033:0311220233;11223344:0511223344", GoldenVectors.CobsPairs);
        }

        [TestMethod]
        public void LongCobsBlockHasNoTrailingCode()
        {
            // 254 non-zero bytes fill one 0xFF block; the minimal form adds nothing after it.
            byte[] raw = new byte[254];
            for (int i = 0; i < raw.Length; i++)
            {
                raw[i] = (byte)(i + 1);
            }

            byte[] buf = new byte[Cobs.MaxEncodedLength(raw.Length)];
            int n = Cobs.Encode(raw, 0, raw.Length, buf, 0);
            Assert.AreEqual(255, n);
            Assert.AreEqual((byte)0xFF, buf[0]);

            byte[] back = new byte[254];
            Assert.AreEqual(254, Cobs.Decode(buf, 0, n, back, 0));
            CollectionAssert.AreEqual(raw, back);
        }

        [TestMethod]
        public void HelloFrameDecodes()
        {
            FrameSink sink = Feed(GoldenVectors.HelloFrameHex);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual((int)MessageType.Hello, (int)sink.Header.Type);
            Assert.AreEqual((ushort)1, sink.Header.RequestId);
            Assert.AreEqual(0, (int)sink.Header.Flags);
            Hello hello = Hello.Decode(sink.Payload, 0, sink.Payload.Length);
            Assert.AreEqual(FrameFormat.ProtocolVersion, hello.ProtocolVersion);
            Assert.AreEqual(GoldenVectors.Time, hello.HostTime);
        }

        [TestMethod]
        public void AuthorizeRequestFrameDecodes()
        {
            FrameSink sink = Feed(GoldenVectors.AuthorizeRequestFrameHex);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual((int)MessageType.AuthorizeRequest, (int)sink.Header.Type);
            Assert.AreEqual(GoldenVectors.AuthorizeRequestId, sink.Header.RequestId);
            AuthorizeRequest m = AuthorizeRequest.Decode(sink.Payload, 0, sink.Payload.Length);
            Assert.AreEqual(GoldenVectors.Amount, m.Amount);
            Assert.AreEqual((int)GoldenVectors.Type, (int)m.TransactionType);
            Assert.AreEqual(GoldenVectors.Time, m.Time);
            Assert.AreEqual(GoldenVectors.CardNumber, m.CardNumber);
            CollectionAssert.AreEqual(Hex.Decode(GoldenVectors.HostNonceHex), m.HostNonce);
        }

        [TestMethod]
        public void AckFrameDecodes()
        {
            FrameSink sink = Feed(GoldenVectors.AckFrameHex);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual((int)MessageType.JournalAck, (int)sink.Header.Type);
            Assert.AreEqual((ushort)9, sink.Header.RequestId);
            Assert.AreEqual((int)(FrameFlags.Response | FrameFlags.Ack), (int)sink.Header.Flags);
            Assert.AreEqual(0, sink.Payload.Length);
        }

        [TestMethod]
        public void UnknownTypeErrorFrameDecodes()
        {
            FrameSink sink = Feed(GoldenVectors.UnknownTypeErrorFrameHex);
            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual((int)MessageType.ProtocolError, (int)sink.Header.Type);
            Assert.AreEqual((ushort)5, sink.Header.RequestId);
            Assert.AreEqual((int)(FrameFlags.Response | FrameFlags.Error), (int)sink.Header.Flags);
            ProtocolError e = ProtocolError.Decode(sink.Payload, 0, sink.Payload.Length);
            Assert.AreEqual((int)ErrorCode.UnknownMessageType, (int)e.Code);
            Assert.AreEqual(0x3E, (int)e.OffendingType);
        }

        [TestMethod]
        public void AnyFlippedBitInAGoldenFrameIsDropped()
        {
            // CRC-32 catches every single-bit error; COBS damage is caught before it. Nothing is ever accepted.
            byte[] wire = Hex.Decode(GoldenVectors.HelloFrameHex);
            for (int bit = 0; bit < (wire.Length - 1) * 8; bit++)
            {
                byte[] damaged = new byte[wire.Length];
                System.Array.Copy(wire, damaged, wire.Length);
                damaged[bit / 8] ^= (byte)(1 << (bit % 8));
                FrameSink sink = new FrameSink();
                FrameDecoder decoder = new FrameDecoder(sink);
                decoder.Feed(damaged, 0, damaged.Length);
                decoder.Feed(new byte[] { 0 }, 0, 1);
                Assert.AreEqual(0, sink.Count, "bit " + bit.ToString());
            }
        }

        [TestMethod]
        public void ReaderAnswersTheGoldenUnknownTypeRequestByteForByte()
        {
            ReaderHarness h = new ReaderHarness();
            h.Host.SendRaw(new FrameHeader((MessageType)0x3E, 5, (FrameFlags)0), new byte[0]);
            h.Tick();
            Assert.AreEqual(GoldenVectors.UnknownTypeErrorFrameHex, TakeWire(h));
        }

        [TestMethod]
        public void ReaderAcksTheGoldenJournalAckByteForByte()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            JournalAck ack = new JournalAck();
            ack.UpToCounter = 0;
            h.Host.SendWithId(ack, 9);
            h.Tick();
            Assert.AreEqual(GoldenVectors.AckFrameHex, TakeWire(h));
        }

        [TestMethod]
        public void ReaderTakesItsClockFromTheGoldenHello()
        {
            ReaderHarness h = new ReaderHarness();
            byte[] wire = Hex.Decode(GoldenVectors.HelloFrameHex);
            h.Link.HostWrite(wire, 0, wire.Length);
            h.Tick();
            Assert.AreEqual(GoldenVectors.Time, h.Clock.UtcSeconds);
            ReceivedFrame f = h.Host.ResponseTo(1);
            Assert.IsNotNull(f);
            Assert.AreEqual((int)MessageType.Capabilities, (int)f.Header.Type);
        }

        private static string TakeWire(ReaderHarness h)
        {
            byte[] inbox = new byte[FrameFormat.MaxEncodedFrameSize * 4];
            int n = h.Link.HostTake(inbox);
            return Hex.Encode(inbox, 0, n);
        }

        private static FrameSink Feed(string hex)
        {
            byte[] wire = Hex.Decode(hex);
            FrameSink sink = new FrameSink();
            FrameDecoder decoder = new FrameDecoder(sink);
            decoder.Feed(wire, 0, wire.Length);
            return sink;
        }

        private sealed class FrameSink : IFrameHandler
        {
            public int Count;
            public FrameHeader Header;
            public byte[] Payload;

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
            {
                Count++;
                Header = header;
                Payload = new byte[payloadLength];
                System.Array.Copy(frame, payloadOffset, Payload, 0, payloadLength);
            }

            public void OnFrameDropped(FrameDropReason reason, int byteCount)
            {
            }
        }
    }
}
