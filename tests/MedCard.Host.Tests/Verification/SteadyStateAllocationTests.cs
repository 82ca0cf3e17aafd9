using System;
using MedCard.Host.Crypto;
using MedCard.Host.Tests.Fakes;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Verification
{
    /// <summary>
    /// The host's per-record path (wire bytes -> FrameDecoder -> AuthorizeRequest/AuthorizeResponse decoded into reused
    /// instances -> record MAC checked) allocates nothing once warm. An allocation count, not a timing: the bytes
    /// allocated on this thread across the loop (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) must be exactly 0.
    /// </summary>
    public sealed class SteadyStateAllocationTests
    {
        private const uint ReaderId = 77;
        private const int Distinct = 64;

        /// <summary>Decodes each frame into one instance per type, as a host link would, and checks every record's MAC.</summary>
        private sealed class RecordSink : IFrameHandler
        {
            private readonly byte[] _key;
            public readonly AuthorizeRequest Request = new AuthorizeRequest();
            public readonly AuthorizeResponse Response = new AuthorizeResponse();
            public int Requests;
            public int Genuine;
            public int Refused;
            public uint LastCounter;
            public long AmountSum;

            public RecordSink(byte[] key)
            {
                _key = key;
            }

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
            {
                if (header.Type == MessageType.AuthorizeRequest)
                {
                    if (AuthorizeRequest.TryDecodeInto(frame, payloadOffset, payloadLength, Request) == DecodeStatus.Ok)
                    {
                        Requests++;
                    }

                    return;
                }

                if (AuthorizeResponse.TryDecodeInto(frame, payloadOffset, payloadLength, Response) == DecodeStatus.Ok
                    && Response.Record != null && SignedRecordMac.Verify(Response.Record, _key))
                {
                    Genuine++;
                    LastCounter = Response.Record.Counter;
                    AmountSum += Response.Record.Amount;
                }
                else
                {
                    Refused++;
                }
            }

            public void OnFrameDropped(FrameDropReason reason, int byteCount)
            {
                Refused++;
            }
        }

        [Fact]
        public void Decoding_and_verifying_records_allocates_zero_bytes_per_record_once_warm()
        {
            byte[] key = RecordChain.NewKey(77);
            var chain = new RecordChain(ReaderId, key);
            var wire = new byte[Distinct * 2][];
            long expectedSum = 0;
            for (int i = 0; i < Distinct; i++)
            {
                // Distinct records (counter, amount, nonce, previous MAC, MAC all change), one card: a reader's stream.
                SignedRecord record = chain.Next(amount: 100 + i);
                expectedSum += record.Amount;
                var request = new AuthorizeRequest
                {
                    Amount = record.Amount, TransactionType = record.Type, HostNonce = record.HostNonce, Time = record.Time,
                    CardNumber = record.CardNumber,
                };
                FrameHeader header = FrameHeader.Request(MessageType.AuthorizeRequest, (ushort)(i + 1));
                wire[2 * i] = Encode(header, request);
                wire[2 * i + 1] = Encode(header.ToResponse(MessageType.AuthorizeResponse), new AuthorizeResponse { Status = AuthorizeStatus.Approved, Record = record });
            }

            var sink = new RecordSink(key);
            var decoder = new FrameDecoder(sink, new byte[FrameFormat.MaxFrameSize]);
            for (int warm = 0; warm < 3; warm++)
            {
                FeedAll(decoder, wire);
            }

            const int Passes = 50;
            int genuineBefore = sink.Genuine;
            long sumBefore = sink.AmountSum;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int pass = 0; pass < Passes; pass++)
            {
                FeedAll(decoder, wire);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, sink.Refused);
            Assert.Equal(Passes * Distinct, sink.Genuine - genuineBefore);
            Assert.Equal(Passes * expectedSum, sink.AmountSum - sumBefore);
            Assert.Equal((uint)Distinct, sink.LastCounter);
            Assert.Equal(sink.Requests, sink.Genuine);
            Assert.Equal(0L, allocated);
        }

        [Fact]
        public void A_forged_record_in_the_stream_is_refused_without_allocating()
        {
            byte[] key = RecordChain.NewKey(78);
            SignedRecord record = new RecordChain(ReaderId, key).Next();
            FrameHeader header = FrameHeader.Request(MessageType.AuthorizeRequest, 1).ToResponse(MessageType.AuthorizeResponse);
            byte[] genuine = Encode(header, new AuthorizeResponse { Status = AuthorizeStatus.Approved, Record = record });
            record.Amount += 1; // signed for 1234, claims 1235: the MAC no longer matches
            byte[] forged = Encode(header, new AuthorizeResponse { Status = AuthorizeStatus.Approved, Record = record });

            var sink = new RecordSink(key);
            var decoder = new FrameDecoder(sink, new byte[FrameFormat.MaxFrameSize]);
            byte[][] stream = { genuine, forged };
            FeedAll(decoder, stream);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                FeedAll(decoder, stream);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(101, sink.Genuine);
            Assert.Equal(101, sink.Refused);
            Assert.Equal(0L, allocated);
        }

        private static void FeedAll(FrameDecoder decoder, byte[][] frames)
        {
            for (int i = 0; i < frames.Length; i++)
            {
                decoder.Feed(frames[i], 0, frames[i].Length);
            }
        }

        private static byte[] Encode(FrameHeader header, IMessage message)
        {
            byte[] scratch = new byte[FrameFormat.MaxPayloadSize];
            byte[] output = new byte[FrameFormat.MaxEncodedFrameSize];
            int n = FrameEncoder.Encode(header, message, scratch, output, 0);
            return output.AsSpan(0, n).ToArray();
        }
    }
}
