using System;
using System.Collections.Generic;
using System.Linq;
using MedCard.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.Protocol.Tests
{
    /// <summary>
    /// Deterministic fuzz of the receive path: 1,000,000 inputs, half random bytes and half mutated valid frames,
    /// each fed in random chunks and followed by a known-good frame. Nothing may throw, no frame may be accepted
    /// unless its content is byte-identical to a valid frame's, every accepted frame goes through the message
    /// codec without throwing, and the trailing good frame must always get through (resynchronisation).
    /// </summary>
    public class FuzzTests
    {
        private const int Inputs = 1_000_000;
        private const int Seed = 20261123;

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void A_million_random_and_mutated_frames_never_throw_and_never_pass_corruption()
        {
            var corpus = SampleMessages.All()
                .Select((s, i) => Wire.Frame(new FrameHeader(s.Message.Type, (ushort)(i * 257), s.Flags), s.Message))
                .ToList();
            var validContents = new HashSet<string>(corpus.Select(ContentHex));
            byte[] sentinel = Wire.Frame(FrameHeader.Request(MessageType.StatusRequest, 0xBEEF), new byte[0]);
            string sentinelContent = ContentHex(sentinel);
            validContents.Add(sentinelContent);

            var rng = new Random(Seed);
            var handler = new FuzzHandler(validContents);
            var decoder = new FrameDecoder(handler);
            byte[] input = new byte[2 * FrameFormat.MaxEncodedFrameSize + 64];
            long mutatedAccepted = 0;
            long bytesFed = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();

            for (int iter = 0; iter < Inputs; iter++)
            {
                int length = iter % 2 == 0 ? RandomBytes(rng, input) : Mutate(rng, corpus[rng.Next(corpus.Count)], input);
                int sentinelsBefore = handler.SentinelCount;
                int acceptedBefore = handler.Accepted;

                bytesFed += length + 1 + sentinel.Length;
                FeedInChunks(rng, decoder, input, length);
                decoder.Feed(new byte[] { 0 }, 0, 1); // end whatever the input left open
                FeedInChunks(rng, decoder, sentinel, sentinel.Length);

                Assert.True(handler.SentinelCount == sentinelsBefore + 1, "resync failed at input " + iter);
                mutatedAccepted += handler.Accepted - acceptedBefore - 1;
            }

            _output.WriteLine($"{Inputs} inputs, {bytesFed} bytes in {clock.Elapsed.TotalSeconds:F1} s; accepted {handler.Accepted} "
                + $"(mutated but intact {mutatedAccepted}); dropped crc={decoder.DroppedBadCrc} cobs={decoder.DroppedBadCobs} "
                + $"long={decoder.DroppedTooLong} short={decoder.DroppedTooShort} version={decoder.DroppedUnknownVersion}");
            Assert.Null(handler.Failure);
            Assert.Equal((uint)handler.Accepted, decoder.FramesAccepted);
            Assert.True(decoder.DroppedFrames > Inputs / 2, "fuzz did not exercise the drop paths: " + decoder.DroppedFrames);
            Assert.True(decoder.DroppedBadCrc > 0 && decoder.DroppedBadCobs > 0 && decoder.DroppedTooLong > 0 && decoder.DroppedTooShort > 0);
            // Mutations that leave the frame intact (e.g. an extra delimiter before it) are legitimately accepted.
            Assert.True(mutatedAccepted > 0);
        }

        private static string ContentHex(byte[] wire)
        {
            byte[] content = new byte[wire.Length];
            int n = Cobs.Decode(wire, 0, wire.Length - 1, content, 0);
            return Hex.Encode(content, 0, n - FrameFormat.CrcSize);
        }

        private static int RandomBytes(Random rng, byte[] buf)
        {
            int length = rng.Next(0, 4) == 0 ? rng.Next(0, buf.Length) : rng.Next(0, 80);
            rng.NextBytes(buf.AsSpan(0, length));
            if (rng.Next(2) == 0)
            {
                // Fewer zeros make longer candidate frames that reach the CRC check.
                for (int i = 0; i < length; i++)
                {
                    if (buf[i] == 0)
                    {
                        buf[i] = (byte)rng.Next(1, 256);
                    }
                }
            }

            return length;
        }

        private static int Mutate(Random rng, byte[] frame, byte[] buf)
        {
            frame.CopyTo(buf, 0);
            int length = frame.Length;
            int mutations = rng.Next(1, 5);
            for (int m = 0; m < mutations && length > 0; m++)
            {
                int at = rng.Next(length);
                switch (rng.Next(7))
                {
                    case 0: // flip one bit
                        buf[at] ^= (byte)(1 << rng.Next(8));
                        break;
                    case 1: // replace a byte
                        buf[at] = (byte)rng.Next(256);
                        break;
                    case 2: // insert a byte
                        if (length < buf.Length)
                        {
                            Array.Copy(buf, at, buf, at + 1, length - at);
                            buf[at] = (byte)rng.Next(256);
                            length++;
                        }

                        break;
                    case 3: // delete a byte
                        Array.Copy(buf, at + 1, buf, at, length - at - 1);
                        length--;
                        break;
                    case 4: // truncate
                        length = at;
                        break;
                    case 5: // duplicate a slice (a retransmission glued on)
                        int count = Math.Min(rng.Next(1, 40), Math.Min(length - at, buf.Length - length));
                        Array.Copy(buf, at, buf, length, count);
                        length += count;
                        break;
                    default: // swap two bytes
                        int other = rng.Next(length);
                        (buf[at], buf[other]) = (buf[other], buf[at]);
                        break;
                }
            }

            return length;
        }

        private static void FeedInChunks(Random rng, FrameDecoder decoder, byte[] data, int length)
        {
            int pos = 0;
            while (pos < length)
            {
                int n = Math.Min(length - pos, rng.Next(3) == 0 ? 1 : rng.Next(1, 200));
                decoder.Feed(data, pos, n);
                pos += n;
            }
        }

        private sealed class FuzzHandler : IFrameHandler
        {
            private readonly HashSet<string> _valid;
            private readonly byte[] _scratch = new byte[FrameFormat.MaxFrameSize];

            public FuzzHandler(HashSet<string> valid)
            {
                _valid = valid;
            }

            public int Accepted;
            public int SentinelCount;
            public string? Failure;

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
            {
                Accepted++;
                string content = Hex.Encode(frame, 0, payloadOffset + payloadLength);
                if (!_valid.Contains(content))
                {
                    Failure ??= "accepted a corrupted frame: " + content;
                    throw new Xunit.Sdk.XunitException(Failure);
                }

                if (header.RequestId == 0xBEEF && header.Type == MessageType.StatusRequest)
                {
                    SentinelCount++;
                }

                // The codec must take whatever the framing lets through without throwing.
                Array.Copy(frame, payloadOffset, _scratch, 0, payloadLength);
                MessageCodec.TryDecode(header, _scratch, 0, payloadLength, out _);
            }

            public void OnFrameDropped(FrameDropReason reason, int byteCount)
            {
            }
        }
    }
}
