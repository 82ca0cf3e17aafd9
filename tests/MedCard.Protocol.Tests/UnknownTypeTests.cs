using MedCard.Protocol;
using Xunit;

namespace MedCard.Protocol.Tests
{
    /// <summary>The answer path for types this code does not know: decode says UnknownType, the answer is an Error.</summary>
    public class UnknownTypeTests
    {
        [Theory]
        [InlineData(0x00)]
        [InlineData(0x0B)]
        [InlineData(0x3E)]
        [InlineData(0x46)]
        [InlineData(0x83)]
        [InlineData(0xFF)]
        public void Unknown_request_type_is_answered_with_an_error_naming_it(byte type)
        {
            byte[] request = Wire.Frame(FrameHeader.Request((MessageType)type, 77), new byte[] { 1, 2, 3 });
            var readerSide = new FrameCollector();
            new FrameDecoder(readerSide).Feed(request, 0, request.Length);
            ReceivedFrame got = Assert.Single(readerSide.Frames);

            byte[] payload = got.Payload();
            Assert.Equal(DecodeStatus.UnknownType, MessageCodec.TryDecode(got.Header, payload, 0, payload.Length, out IMessage? m));
            Assert.Null(m);
            Assert.True(MessageCodec.ShouldAnswer(got.Header));

            byte[] answer = new byte[64];
            int n = FrameEncoder.EncodeError(got.Header, MessageCodec.ErrorFor(DecodeStatus.UnknownType), answer, 0);

            var hostSide = new FrameCollector();
            new FrameDecoder(hostSide).Feed(answer, 0, n);
            ReceivedFrame reply = Assert.Single(hostSide.Frames);
            Assert.Equal(MessageType.ProtocolError, reply.Header.Type);
            Assert.Equal(77, reply.Header.RequestId);
            Assert.True(reply.Header.IsResponse && reply.Header.IsError);
            byte[] rp = reply.Payload();
            Assert.Equal(DecodeStatus.Ok, MessageCodec.TryDecode(reply.Header, rp, 0, rp.Length, out IMessage? err));
            var error = Assert.IsType<ProtocolError>(err);
            Assert.Equal(ErrorCode.UnknownMessageType, error.Code);
            Assert.Equal((MessageType)type, error.OffendingType);
        }

        [Fact]
        public void Responses_are_never_answered_so_errors_cannot_ping_pong()
        {
            Assert.False(MessageCodec.ShouldAnswer(new FrameHeader((MessageType)0x3E, 1, FrameFlags.Response | FrameFlags.Error)));
            Assert.False(MessageCodec.ShouldAnswer(new FrameHeader(MessageType.Hello, 1, FrameFlags.Response | FrameFlags.Ack)));
            Assert.True(MessageCodec.ShouldAnswer(FrameHeader.Request(MessageType.CardPresented, 1)));
        }

        [Fact]
        public void Malformed_payload_of_a_known_type_maps_to_malformed_payload()
        {
            var header = FrameHeader.Request(MessageType.JournalRead, 1);
            byte[] bad = { 0, 0, 0, 0, 0, 0, 0, 1 }; // from counter 0 is invalid
            DecodeStatus status = MessageCodec.TryDecode(header, bad, 0, bad.Length, out _);
            Assert.Equal(DecodeStatus.InvalidField, status);
            Assert.Equal(ErrorCode.MalformedPayload, MessageCodec.ErrorFor(status));
        }

        [Fact]
        public void Nack_carries_its_reason()
        {
            byte[] buf = new byte[32];
            int n = FrameEncoder.EncodeNack(FrameHeader.Request(MessageType.AuthorizeRequest, 8), NackReason.Busy, buf, 0);
            var sink = new FrameCollector();
            new FrameDecoder(sink).Feed(buf, 0, n);
            ReceivedFrame f = Assert.Single(sink.Frames);
            Assert.True(f.Header.IsNack && f.Header.IsResponse);
            Assert.Equal(MessageType.AuthorizeRequest, f.Header.Type);
            byte[] p = f.Payload();
            Assert.Equal(NackReason.Busy, MessageCodec.NackReasonOf(p, 0, p.Length));
        }
    }
}
