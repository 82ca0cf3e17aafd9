using System;
using System.IO;
using MedCard.Host.Link;
using MedCard.Host.Trace;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Trace
{
    public sealed class FrameTranscriptTests
    {
        private sealed class At : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 11, 23, 9, 41, 7, 250, TimeSpan.Zero);
        }

        [Fact]
        public void Request_ids_become_stable_sequence_numbers_in_order_of_first_appearance()
        {
            var text = new StringWriter();
            var t = new FrameTranscript(text, diffMode: true);
            t.OnFrame(FrameDirection.Sent, FrameHeader.Request(MessageType.StatusRequest, 40000), Array.Empty<byte>(), 0, 0, 11);
            t.OnFrame(FrameDirection.Sent, FrameHeader.Request(MessageType.StatusRequest, 40001), Array.Empty<byte>(), 0, 0, 11);
            t.OnFrame(FrameDirection.Received, new FrameHeader(MessageType.StatusRequest, 40000, FrameFlags.Response | FrameFlags.Nack), new byte[] { 1 }, 0, 1, 0);

            string[] lines = text.ToString().TrimEnd().Split(Environment.NewLine);
            Assert.Equal("> #1 StatusRequest len=0", lines[0]);
            Assert.Equal("> #2 StatusRequest len=0", lines[1]);
            Assert.Equal("< #1 StatusRequest NACK len=1 01", lines[2]);
        }

        [Fact]
        public void Normal_mode_prefixes_a_timestamp_and_diff_mode_does_not()
        {
            var normal = new StringWriter();
            new FrameTranscript(normal, diffMode: false, new At()).OnFrameDropped(FrameDropReason.BadCrc, 7);
            var diff = new StringWriter();
            new FrameTranscript(diff, diffMode: true, new At()).OnFrameDropped(FrameDropReason.BadCrc, 7);

            Assert.Equal("09:41:07.250 ! dropped BadCrc (7 bytes)", normal.ToString().TrimEnd());
            Assert.Equal("! dropped BadCrc (7 bytes)", diff.ToString().TrimEnd());
        }

        [Fact]
        public void A_pin_block_and_a_provision_key_are_replaced_by_their_length()
        {
            byte[] payload = new byte[64];
            int n = new PinBlockResponse { Status = PinEntryStatus.Entered, KeyCounter = 12, PinBlock = Filled(16, 0xAB) }.Encode(payload, 0);
            var text = new StringWriter();
            var t = new FrameTranscript(text, diffMode: true);
            t.OnFrame(FrameDirection.Received, new FrameHeader(MessageType.PinBlockResponse, 5, FrameFlags.Response), payload, 0, n, 0);
            n = new Provision { ReaderId = 77, Key = Filled(32, 0xCD) }.Encode(payload, 0);
            t.OnFrame(FrameDirection.Sent, FrameHeader.Request(MessageType.Provision, 6), payload, 0, n, 0);

            string all = text.ToString();
            Assert.Contains("status=Entered keyCounter=12 block=<redacted 16 bytes>", all);
            Assert.Contains("readerId=77 key=<redacted 32 bytes>", all);
            Assert.DoesNotContain("ABAB", all);
            Assert.DoesNotContain("CDCD", all);
            Assert.True(TraceRedaction.IsSecretBearing(MessageType.Provision));
            Assert.False(TraceRedaction.IsSecretBearing(MessageType.AuthorizeResponse));
        }

        [Fact]
        public void The_card_key_is_replaced_by_its_length()
        {
            byte[] payload = new byte[ProvisionCardKeys.EncodedLength];
            int n = new ProvisionCardKeys { ReaderId = 77, KeyAMasterKey = Filled(32, 0x5A) }.Encode(payload, 0);
            var text = new StringWriter();
            new FrameTranscript(text, diffMode: true).OnFrame(FrameDirection.Sent, FrameHeader.Request(MessageType.ProvisionCardKeys, 9), payload, 0, n, 0);

            string all = text.ToString();
            Assert.Contains("readerId=77 key=<redacted 32 bytes>", all);
            Assert.DoesNotContain("5A5A", all);
            Assert.True(TraceRedaction.IsSecretBearing(MessageType.ProvisionCardKeys));
        }

        private static byte[] Filled(int length, byte value)
        {
            byte[] b = new byte[length];
            Array.Fill(b, value);
            return b;
        }
    }
}
