using System;
using System.Diagnostics;
using MedCard.Host.Crypto;
using MedCard.Host.Verification;
using MedCard.Protocol;

namespace MedCard.Benchmarks
{
    /// <summary>
    /// `protocol` verb: encode/decode cost and allocation per frame for the authorize exchange (AuthorizeRequest +
    /// AuthorizeResponse carrying a SignedRecord), HMAC sign/verify cost, and bytes on the wire at 115200 8N1.
    /// Hand-written Stopwatch harness: median of 7 rounds after warm-up; allocation from
    /// GC.GetAllocatedBytesForCurrentThread.
    /// </summary>
    internal static class ProtocolBenchmark
    {
        private const double MicrosPerByteAt115200 = 86.8; // 10 bits per byte (8N1) at 115200 baud

        private sealed class LastFrame : IFrameHandler
        {
            public FrameHeader Header;
            public byte[] Frame = Array.Empty<byte>();
            public int Offset;
            public int Length;
            public int Count;

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
            {
                Header = header;
                Frame = frame;
                Offset = payloadOffset;
                Length = payloadLength;
                Count++;
            }

            public void OnFrameDropped(FrameDropReason reason, int byteCount)
            {
            }
        }

        public static int Run()
        {
            var hmac = new BenchHmacSha256();
            byte[] key = GoldenVectors.TestKey();
            AuthorizeRequest request = GoldenVectors.BuildAuthorizeRequest();
            SignedRecord record = GoldenVectors.BuildUnsignedRecord();
            record.Sign(hmac, key);
            var response = new AuthorizeResponse { Status = AuthorizeStatus.Approved, Record = record };
            FrameHeader reqHeader = FrameHeader.Request(MessageType.AuthorizeRequest, GoldenVectors.AuthorizeRequestId);
            FrameHeader respHeader = reqHeader.ToResponse(MessageType.AuthorizeResponse);

            byte[] scratch = new byte[FrameFormat.MaxPayloadSize];
            byte[] reqWire = new byte[FrameFormat.MaxEncodedFrameSize];
            byte[] respWire = new byte[FrameFormat.MaxEncodedFrameSize];
            int reqLen = FrameEncoder.Encode(reqHeader, request, scratch, reqWire, 0);
            int respLen = FrameEncoder.Encode(respHeader, response, scratch, respWire, 0);

            var sink = new LastFrame();
            var decoder = new FrameDecoder(sink, new byte[FrameFormat.MaxFrameSize]);
            byte[] output = new byte[FrameFormat.MaxEncodedFrameSize];

            Console.WriteLine("MedCard.Protocol benchmark (" + Environment.ProcessorCount + " cores, " + Environment.Version + ", "
                + (Debugger.IsAttached ? "debugger" : "no debugger") + ")");
            Console.WriteLine();
            Console.WriteLine($"{"operation",-58} {"ns/op",10} {"B alloc/op",11}");
            Console.WriteLine(new string('-', 81));

            // Decode targets reused across calls: the host's steady state (one instance per link, filled per frame).
            var requestInto = new AuthorizeRequest();
            var responseInto = new AuthorizeResponse();
            byte[] macInput = new byte[SignedRecord.MacInputLength];
            RecordVerifier verifier = SteadyStateVerifier(record, key);

            Row("AuthorizeRequest: message -> wire frame", () => FrameEncoder.Encode(reqHeader, request, scratch, output, 0));
            Row("AuthorizeRequest: wire -> frame (FrameDecoder only)", () => decoder.Feed(reqWire, 0, reqLen));
            Row("AuthorizeRequest: wire -> frame -> new message", () =>
            {
                decoder.Feed(reqWire, 0, reqLen);
                AuthorizeRequest.TryDecode(sink.Frame, sink.Offset, sink.Length, out AuthorizeRequest _);
            });
            Row("AuthorizeRequest: wire -> frame -> message (DecodeInto)", () =>
            {
                decoder.Feed(reqWire, 0, reqLen);
                AuthorizeRequest.TryDecodeInto(sink.Frame, sink.Offset, sink.Length, requestInto);
            });
            Row("AuthorizeResponse: message -> wire frame", () => FrameEncoder.Encode(respHeader, response, scratch, output, 0));
            Row("AuthorizeResponse: wire -> frame (FrameDecoder only)", () => decoder.Feed(respWire, 0, respLen));
            Row("AuthorizeResponse: wire -> frame -> new message", () =>
            {
                decoder.Feed(respWire, 0, respLen);
                AuthorizeResponse.TryDecode(sink.Frame, sink.Offset, sink.Length, out AuthorizeResponse _);
            });
            Row("AuthorizeResponse: wire -> frame -> message (DecodeInto)", () =>
            {
                decoder.Feed(respWire, 0, respLen);
                AuthorizeResponse.TryDecodeInto(sink.Frame, sink.Offset, sink.Length, responseInto);
            });
            Row("SignedRecord.Sign (HMAC-SHA256, .NET)", () => record.Sign(hmac, key));
            Row("SignedRecord.Verify (IHmacSha256, shared)", () => record.Verify(hmac, key));
            Row("SignedRecord.Verify (IHmacSha256, caller's buffer)", () => record.Verify(hmac, key, macInput));
            Row("SignedRecordMac.Verify (host, span HMAC)", () => SignedRecordMac.Verify(record, key));
            Row("RecordVerifier.CheckAsync (host, in-memory stores)", () => verifier.CheckAsync(record, record.ReaderId).GetAwaiter().GetResult());
            Row("Host: response wire -> record -> MAC verified", () =>
            {
                decoder.Feed(respWire, 0, respLen);
                AuthorizeResponse.TryDecodeInto(sink.Frame, sink.Offset, sink.Length, responseInto);
                SignedRecordMac.Verify(responseInto.Record, key);
            });
            Row("Exchange: encode+decode both frames, new messages", () =>
            {
                FrameEncoder.Encode(reqHeader, request, scratch, output, 0);
                decoder.Feed(reqWire, 0, reqLen);
                AuthorizeRequest.TryDecode(sink.Frame, sink.Offset, sink.Length, out AuthorizeRequest _);
                FrameEncoder.Encode(respHeader, response, scratch, output, 0);
                decoder.Feed(respWire, 0, respLen);
                AuthorizeResponse.TryDecode(sink.Frame, sink.Offset, sink.Length, out AuthorizeResponse _);
            });
            Row("Exchange: encode+decode both frames, DecodeInto", () =>
            {
                FrameEncoder.Encode(reqHeader, request, scratch, output, 0);
                decoder.Feed(reqWire, 0, reqLen);
                AuthorizeRequest.TryDecodeInto(sink.Frame, sink.Offset, sink.Length, requestInto);
                FrameEncoder.Encode(respHeader, response, scratch, output, 0);
                decoder.Feed(respWire, 0, respLen);
                AuthorizeResponse.TryDecodeInto(sink.Frame, sink.Offset, sink.Length, responseInto);
            });

            Console.WriteLine();
            Console.WriteLine("Bytes on the wire (COBS + delimiter included), 115200 8N1 = 86.8 us/byte");
            Console.WriteLine($"{"frame",-44} {"payload",8} {"wire B",7} {"wire ms",8}");
            Console.WriteLine(new string('-', 70));
            int total = 0;
            total += WireRow("AuthorizeRequest (host -> reader)", request);
            total += WireRow("AuthorizeResponse + record (reader -> host)", response, FrameFlags.Response);
            Console.WriteLine($"{"authorize exchange total",-44} {"",8} {total,7} {total * MicrosPerByteAt115200 / 1000,8:F2}");
            Console.WriteLine();

            int tx = 0;
            tx += WireRow("CardPresented event", SampleCardPresented());
            tx += WireAck("  host ACK of the event");
            tx += WireRow("PinRequest", new PinRequest());
            tx += WireRow("PinBlockResponse", new PinBlockResponse { Status = PinEntryStatus.Entered, PinBlock = new byte[16], KeyCounter = 43 }, FrameFlags.Response);
            tx += total;
            Console.WriteLine($"{"  AuthorizeRequest + AuthorizeResponse",-44} {"",8} {total,7} {total * MicrosPerByteAt115200 / 1000,8:F2}");
            tx += WireRow("JournalAck", new JournalAck { UpToCounter = 42 });
            tx += WireAck("  reader ACK");
            Console.WriteLine($"{"whole card transaction total",-44} {"",8} {tx,7} {tx * MicrosPerByteAt115200 / 1000,8:F2}");
            if (sink.Count == 0)
            {
                return 1;
            }

            return 0;
        }

        /// <summary>
        /// A verifier whose chain stands just before <paramref name="record"/>, so every check of it is the steady-state
        /// verdict Accepted (key fetch, MAC, chain compare) without advancing anything.
        /// </summary>
        internal static RecordVerifier SteadyStateVerifier(SignedRecord record, byte[] key)
        {
            var keys = new InMemoryReaderKeyStore();
            keys.Add(record.ReaderId, key);
            var chain = new InMemoryRecordChainStore();
            var before = new ChainPosition(record.Counter - 1, record.PreviousMac);
            if (!chain.TryAdvanceAsync(record.ReaderId, ChainPosition.Start, before).AsTask().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException("could not set up the chain position");
            }

            var verifier = new RecordVerifier(keys, chain, new DotNetHmacSha256());
            RecordCheck check = verifier.CheckAsync(record, record.ReaderId).GetAwaiter().GetResult();
            if (check.Verdict != RecordVerdict.Accepted)
            {
                throw new InvalidOperationException("steady-state verdict is " + check.Verdict);
            }

            return verifier;
        }

        private static CardPresented SampleCardPresented()
        {
            return new CardPresented
            {
                Uid = Hex.Decode(GoldenVectors.CardUidHex), Atqa = 0x0004, Sak = 0x08, HolderStatus = HolderDataStatus.Ok,
                ResidentId = "11010519491231002X", Gender = Gender.Male, CardNumber = GoldenVectors.CardNumber,
                NameUtf8 = System.Text.Encoding.UTF8.GetBytes("张三"), IssuerMac = Hex.Decode(GoldenVectors.HolderMacHex),
            };
        }

        private static int WireRow(string name, IMessage message, FrameFlags flags = FrameFlags.None)
        {
            byte[] scratch = new byte[FrameFormat.MaxPayloadSize];
            byte[] wire = new byte[FrameFormat.MaxEncodedFrameSize];
            int payload = message.Encode(scratch, 0);
            int n = FrameEncoder.Encode(new FrameHeader(message.Type, 1, flags), message, scratch, wire, 0);
            Console.WriteLine($"{name,-44} {payload,8} {n,7} {n * MicrosPerByteAt115200 / 1000,8:F2}");
            return n;
        }

        private static int WireAck(string name)
        {
            byte[] wire = new byte[FrameFormat.MaxEncodedFrameSize];
            int n = FrameEncoder.EncodeAck(FrameHeader.Request(MessageType.CardPresented, 1), wire, 0);
            Console.WriteLine($"{name,-44} {0,8} {n,7} {n * MicrosPerByteAt115200 / 1000,8:F2}");
            return n;
        }

        private static void Row(string name, Action op)
        {
            const int warmup = 20_000;
            const int iterations = 200_000;
            const int rounds = 7;
            for (int i = 0; i < warmup; i++)
            {
                op();
            }

            double[] ns = new double[rounds];
            long allocated = 0;
            for (int r = 0; r < rounds; r++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < iterations; i++)
                {
                    op();
                }

                long ticks = Stopwatch.GetTimestamp() - start;
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                ns[r] = ticks * 1e9 / Stopwatch.Frequency / iterations;
            }

            Array.Sort(ns);
            Console.WriteLine($"{name,-58} {ns[rounds / 2],10:F0} {(double)allocated / iterations,11:F0}");
        }
    }
}
