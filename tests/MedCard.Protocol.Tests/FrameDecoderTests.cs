using System;
using System.Collections.Generic;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    public class FrameDecoderTests
    {
        private static List<byte[]> SampleFrames(int count, int seed)
        {
            var rng = new Random(seed);
            var frames = new List<byte[]>();
            for (int i = 0; i < count; i++)
            {
                // Payload sizes include the empty one, the block edges and the maximum.
                int len = (i % 7) switch
                {
                    0 => 0,
                    1 => 253,
                    2 => 254,
                    3 => FrameFormat.MaxPayloadSize,
                    _ => rng.Next(0, 120),
                };
                byte[] payload = new byte[len];
                rng.NextBytes(payload);
                if (i % 3 == 0)
                {
                    Array.Clear(payload, 0, len / 2); // zero-heavy payloads exercise the stuffing
                }

                frames.Add(Wire.Frame(new FrameHeader((MessageType)rng.Next(1, 256), (ushort)rng.Next(0, 65536), (FrameFlags)rng.Next(0, 16)), payload));
            }

            return frames;
        }

        private static void AssertSameFrames(List<byte[]> sent, List<ReceivedFrame> received)
        {
            Assert.Equal(sent.Count, received.Count);
            for (int i = 0; i < sent.Count; i++)
            {
                // Un-stuff the sent frame independently and compare header + payload.
                byte[] wire = sent[i];
                byte[] content = new byte[wire.Length];
                int n = Cobs.Decode(wire, 0, wire.Length - 1, content, 0);
                Assert.Equal(content.AsSpan(0, n - FrameFormat.CrcSize).ToArray(), received[i].Content);
            }
        }

        [Fact]
        public void Frames_fed_one_byte_at_a_time_are_all_received()
        {
            List<byte[]> frames = SampleFrames(40, 1);
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            foreach (byte[] f in frames)
            {
                foreach (byte b in f)
                {
                    decoder.FeedByte(b);
                }
            }

            AssertSameFrames(frames, sink.Frames);
            Assert.Equal(0u, decoder.DroppedFrames);
            Assert.Equal((uint)frames.Count, decoder.FramesAccepted);
        }

        [Fact]
        public void Many_frames_fed_at_once_are_all_received()
        {
            List<byte[]> frames = SampleFrames(40, 2);
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            byte[] all = Wire.Concat(frames.ToArray());
            decoder.Feed(all, 0, all.Length);
            AssertSameFrames(frames, sink.Frames);
            Assert.Equal(0, decoder.PendingBytes);
        }

        [Fact]
        public void Random_chunking_never_changes_what_is_received()
        {
            List<byte[]> frames = SampleFrames(60, 3);
            byte[] all = Wire.Concat(frames.ToArray());
            var rng = new Random(99);
            for (int round = 0; round < 50; round++)
            {
                var sink = new FrameCollector();
                var decoder = new FrameDecoder(sink);
                int pos = 0;
                while (pos < all.Length)
                {
                    int n = Math.Min(all.Length - pos, rng.Next(1, 600));
                    decoder.Feed(all, pos, n);
                    pos += n;
                }

                AssertSameFrames(frames, sink.Frames);
            }
        }

        [Fact]
        public void Garbage_before_and_between_frames_is_dropped_and_counted_then_decoding_resumes()
        {
            byte[] good1 = Wire.Frame(FrameHeader.Request(MessageType.StatusRequest, 1), new byte[0]);
            byte[] good2 = Wire.Frame(FrameHeader.Request(MessageType.JournalAck, 2), new byte[] { 0, 0, 0, 5 });
            byte[] garbage = { 0x55, 0x12, 0x99, 0xFE, 0x33, 0x44, 0x01, 0x77, 0x88, 0x19, 0x20 }; // no zero inside
            byte[] stream = Wire.Concat(garbage, new byte[] { 0 }, good1, garbage, new byte[] { 0 }, good2);

            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(stream, 0, stream.Length);

            Assert.Equal(2, sink.Frames.Count);
            Assert.Equal(MessageType.StatusRequest, sink.Frames[0].Header.Type);
            Assert.Equal(MessageType.JournalAck, sink.Frames[1].Header.Type);
            Assert.Equal(2u, decoder.DroppedFrames);
            Assert.Equal((uint)(2 * garbage.Length), decoder.DroppedBytes);
            Assert.Equal(2, sink.Drops.Count);
        }

        [Fact]
        public void Mid_frame_start_resynchronises_at_the_next_delimiter()
        {
            byte[] good = Wire.Frame(FrameHeader.Request(MessageType.Hello, 3), new byte[] { 1, 0, 0, 0, 1 });
            // The receiver opens the port half way through a frame.
            byte[] stream = Wire.Concat(good.AsSpan(good.Length / 2).ToArray(), good);
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(stream, 0, stream.Length);
            Assert.Single(sink.Frames);
            Assert.Equal(1u, decoder.DroppedFrames);
        }

        [Fact]
        public void Every_single_bit_flip_of_a_frame_is_rejected()
        {
            byte[] good = Wire.Frame(FrameHeader.Request(MessageType.AuthorizeRequest, 7), Wire.Payload(GoldenVectors.BuildAuthorizeRequest()));
            int flips = 0;
            for (int i = 0; i < good.Length - 1; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    byte[] bad = (byte[])good.Clone();
                    bad[i] ^= (byte)(1 << bit);
                    var sink = new FrameCollector();
                    var decoder = new FrameDecoder(sink);
                    decoder.Feed(bad, 0, bad.Length);
                    decoder.Feed(new byte[] { 0 }, 0, 1); // flush in case the flip created a zero
                    Assert.Empty(sink.Frames);
                    flips++;
                }
            }

            Assert.Equal((good.Length - 1) * 8, flips);
        }

        [Fact]
        public void Bad_crc_is_dropped_with_its_reason()
        {
            byte[] bad = Wire.Stuff(Wire.RawContent(1, (byte)MessageType.StatusRequest, 4, 0, new byte[0], goodCrc: false));
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(bad, 0, bad.Length);
            Assert.Empty(sink.Frames);
            Assert.Equal(1u, decoder.DroppedBadCrc);
            Assert.Equal(new[] { FrameDropReason.BadCrc }, sink.Drops);
        }

        [Fact]
        public void Unknown_protocol_version_is_dropped_with_its_reason()
        {
            byte[] v2 = Wire.Stuff(Wire.RawContent(2, (byte)MessageType.StatusRequest, 4, 0, new byte[0]));
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(v2, 0, v2.Length);
            Assert.Empty(sink.Frames);
            Assert.Equal(1u, decoder.DroppedUnknownVersion);
        }

        [Fact]
        public void Too_short_frame_is_dropped_with_its_reason()
        {
            byte[] shortFrame = Wire.Stuff(new byte[] { 1, 1, 0, 1, 0, 0xAA, 0xBB, 0xCC }); // 8 < 9 bytes
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(shortFrame, 0, shortFrame.Length);
            Assert.Empty(sink.Frames);
            Assert.Equal(1u, decoder.DroppedTooShort);
        }

        [Fact]
        public void Truncated_cobs_block_is_dropped_as_bad_cobs()
        {
            byte[] bad = { 0x05, 0x01, 0x02, 0x00 }; // block of 4 data bytes ends after 2
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(bad, 0, bad.Length);
            Assert.Equal(1u, decoder.DroppedBadCobs);
            Assert.Equal(3u, decoder.DroppedBytes); // the 3 stuffed bytes before the delimiter
        }

        [Fact]
        public void Oversize_frame_is_dropped_once_and_the_next_frame_still_arrives()
        {
            byte[] big = new byte[FrameFormat.MaxFrameSize + 40];
            new Random(5).NextBytes(big);
            byte[] oversize = Wire.Stuff(big);
            byte[] good = Wire.Frame(FrameHeader.Request(MessageType.StatusRequest, 9), new byte[0]);
            byte[] stream = Wire.Concat(oversize, good);

            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(stream, 0, stream.Length);
            Assert.Single(sink.Frames);
            Assert.Equal(9, sink.Frames[0].Header.RequestId);
            Assert.Equal(1u, decoder.DroppedTooLong);
            Assert.Equal((uint)(oversize.Length - 1), decoder.DroppedBytes);
        }

        [Fact]
        public void Largest_frame_is_accepted_and_fits_the_encoded_limit()
        {
            byte[] payload = new byte[FrameFormat.MaxPayloadSize];
            new Random(8).NextBytes(payload);
            byte[] wire = Wire.Frame(FrameHeader.Request(MessageType.HotlistUpdate, 1), payload);
            Assert.True(wire.Length <= FrameFormat.MaxEncodedFrameSize);
            var sink = new FrameCollector();
            new FrameDecoder(sink).Feed(wire, 0, wire.Length);
            Assert.Single(sink.Frames);
            Assert.Equal(payload, sink.Frames[0].Payload());
        }

        [Fact]
        public void Encoder_refuses_a_payload_over_the_maximum()
        {
            byte[] payload = new byte[FrameFormat.MaxPayloadSize + 1];
            byte[] output = new byte[2 * FrameFormat.MaxEncodedFrameSize];
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                FrameEncoder.Encode(FrameHeader.Request(MessageType.Hello, 1), payload, 0, payload.Length, output, 0));
        }

        [Fact]
        public void Repeated_delimiters_are_idle_fill_not_drops()
        {
            byte[] good = Wire.Frame(FrameHeader.Request(MessageType.StatusRequest, 1), new byte[0]);
            byte[] stream = Wire.Concat(new byte[] { 0, 0, 0 }, good, new byte[] { 0, 0 });
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink);
            decoder.Feed(stream, 0, stream.Length);
            Assert.Single(sink.Frames);
            Assert.Equal(0u, decoder.DroppedFrames);
        }

        [Fact]
        public void Caller_owned_buffer_sets_a_smaller_limit()
        {
            byte[] payload = new byte[100];
            byte[] wire = Wire.Frame(FrameHeader.Request(MessageType.HotlistUpdate, 1), payload);
            var sink = new FrameCollector();
            var decoder = new FrameDecoder(sink, new byte[64]);
            decoder.Feed(wire, 0, wire.Length);
            Assert.Empty(sink.Frames);
            Assert.Equal(1u, decoder.DroppedTooLong);
        }

        [Fact]
        public void Decoding_allocates_nothing_per_byte_or_per_frame()
        {
            List<byte[]> frames = SampleFrames(50, 4);
            byte[] all = Wire.Concat(frames.ToArray());
            var handler = new CountingHandler();
            var decoder = new FrameDecoder(handler, new byte[FrameFormat.MaxFrameSize]);

            decoder.Feed(all, 0, all.Length); // warm up (JIT, static CRC table)
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++)
            {
                decoder.Feed(all, 0, all.Length);
                for (int k = 0; k < 300; k++)
                {
                    decoder.FeedByte(all[k]);
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(handler.Frames >= 21 * frames.Count);
        }

        [Fact]
        public void Encoding_frames_and_control_answers_allocates_nothing()
        {
            byte[] payload = new byte[200];
            byte[] output = new byte[FrameFormat.MaxEncodedFrameSize];
            FrameHeader h = FrameHeader.Request(MessageType.HotlistUpdate, 1);
            FrameEncoder.Encode(h, payload, 0, payload.Length, output, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int total = 0;
            for (int i = 0; i < 1000; i++)
            {
                total += FrameEncoder.Encode(h, payload, 0, payload.Length, output, 0);
                total -= FrameEncoder.EncodeError(h, ErrorCode.UnknownMessageType, output, 0);
                total -= FrameEncoder.EncodeNack(h, NackReason.Busy, output, 0);
                total -= FrameEncoder.EncodeAck(h, output, 0);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(total > 1000 * 150);
        }
    }
}
