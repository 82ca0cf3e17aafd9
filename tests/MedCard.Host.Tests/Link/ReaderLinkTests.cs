using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Link;
using MedCard.Host.Tests.Fakes;
using MedCard.Host.Transport;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Link
{
    /// <summary>The protocol layer against a scripted reader on a real pseudo-terminal.</summary>
    public sealed class ReaderLinkTests
    {
        private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

        private static readonly LinkOptions Fast = new LinkOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(150),
            MaxAttempts = 4,
            NackBackoff = TimeSpan.FromMilliseconds(20),
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
            HeartbeatMisses = 2,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        };

        private static PinRequest Pin() => new PinRequest { TimeoutSeconds = 5 };

        [Fact]
        public async Task Start_greets_the_reader_and_reads_its_capabilities()
        {
            await using var reader = new FakeReader { ReaderId = 4242 };
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);

            await link.StartAsync();

            Assert.Equal(LinkState.Connected, link.State);
            Assert.NotNull(link.Capabilities);
            Assert.Equal(4242u, link.Capabilities!.ReaderId);
            Assert.Equal("fake-reader", link.Capabilities.BoardName);
        }

        [Fact]
        public async Task An_answer_is_matched_to_its_request_by_id_even_after_a_foreign_answer()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest
                ? new[]
                {
                    // First an answer for another id (stale), then the right one.
                    reader.Response(new FrameHeader(h.Type, (ushort)(h.RequestId + 1), FrameFlags.None), new PinBlockResponse { Status = PinEntryStatus.Timeout }),
                    reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.Cancelled }),
                }
                : null;
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            ReceivedFrame answer = await link.RequestAsync(Pin(), Long);

            Assert.Equal(MessageType.PinBlockResponse, answer.Type);
            Assert.Equal(PinEntryStatus.Cancelled, PinBlockResponse.Decode(answer.Payload, 0, answer.Payload.Length).Status);
            Assert.True(link.Statistics.LateOrForeignResponses >= 1);
        }

        [Fact]
        public async Task Unanswered_sends_are_repeated_with_the_same_request_id_and_bytes()
        {
            await using var reader = new FakeReader();
            int seen = 0;
            reader.Respond = (h, _) =>
            {
                if (h.Type != MessageType.PinRequest)
                {
                    return null;
                }
                // Lose the first two copies, answer the third.
                return Interlocked.Increment(ref seen) < 3 ? Array.Empty<byte[]>() : new[] { reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.Cancelled }) };
            };
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            await link.RequestAsync(Pin(), Long);

            // At least the three sends it took (a loaded machine may add one before the answer lands).
            var copies = reader.Received.Where(r => r.Header.Type == MessageType.PinRequest).ToList();
            Assert.True(copies.Count >= 3);
            Assert.All(copies, c => Assert.Equal(copies[0].Header.RequestId, c.Header.RequestId));
            Assert.All(copies, c => Assert.Equal(copies[0].Wire, c.Wire));
            Assert.Equal(copies.Count - 1, link.Statistics.FramesResent);
        }

        [Fact]
        public async Task A_nack_is_retried_after_a_pause_under_the_same_id()
        {
            await using var reader = new FakeReader();
            int seen = 0;
            reader.Respond = (h, _) => h.Type != MessageType.PinRequest ? null
                : Interlocked.Increment(ref seen) == 1
                    ? new[] { reader.Nack(h, NackReason.Busy) }
                    : new[] { reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.Timeout }) };
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            ReceivedFrame answer = await link.RequestAsync(Pin(), Long);

            Assert.Equal(MessageType.PinBlockResponse, answer.Type);
            var copies = reader.Received.Where(r => r.Header.Type == MessageType.PinRequest).Select(r => r.Header.RequestId).Distinct();
            Assert.Single(copies);
        }

        [Fact]
        public async Task Nacks_do_not_use_up_tries_and_a_reader_busy_until_the_timeout_is_reported_as_busy()
        {
            await using var reader = new FakeReader();
            int nacks = 0;
            reader.Respond = (h, _) =>
            {
                if (h.Type != MessageType.PinRequest)
                {
                    return null;
                }
                Interlocked.Increment(ref nacks);
                return new[] { reader.Nack(h, NackReason.Busy) };
            };
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast with { HeartbeatInterval = TimeSpan.FromMinutes(1) });
            await link.StartAsync();

            var error = await Assert.ThrowsAsync<ReaderBusyException>(() => link.RequestAsync(Pin(), TimeSpan.FromMilliseconds(600)));
            Assert.Equal(NackReason.Busy, error.Reason);
            // Far more sends than MaxAttempts: NACKs are not tries.
            Assert.True(Volatile.Read(ref nacks) > Fast.MaxAttempts);
        }

        [Fact]
        public async Task A_protocol_error_answer_becomes_a_typed_exception()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest ? new[] { reader.Error(h, ErrorCode.NotProvisioned) } : null;
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            var error = await Assert.ThrowsAsync<ReaderErrorException>(() => link.RequestAsync(Pin(), Long));
            Assert.Equal(ErrorCode.NotProvisioned, error.Code);
        }

        [Fact]
        public async Task Silence_ends_in_a_timeout_after_the_configured_sends()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest ? Array.Empty<byte[]>() : null;
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast with { HeartbeatInterval = TimeSpan.FromMinutes(1) });
            await link.StartAsync();

            var error = await Assert.ThrowsAsync<ReaderTimeoutException>(() => link.RequestAsync(Pin(), Long));
            Assert.Equal(MessageType.PinRequest, error.Request);
            Assert.Equal(Fast.MaxAttempts, reader.Received.Count(r => r.Header.Type == MessageType.PinRequest));
        }

        [Fact]
        public async Task The_call_timeout_bounds_the_whole_request()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest ? Array.Empty<byte[]>() : null;
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast with { MaxAttempts = 1000 });
            await link.StartAsync();

            await Assert.ThrowsAsync<ReaderTimeoutException>(() => link.RequestAsync(Pin(), TimeSpan.FromMilliseconds(400)));
        }

        [Fact]
        public async Task Caller_cancellation_is_reported_as_cancellation()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest ? Array.Empty<byte[]>() : null;
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast with { MaxAttempts = 1000 });
            await link.StartAsync();

            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => link.RequestAsync(Pin(), Long, cts.Token));
        }

        [Fact]
        public async Task Events_are_acknowledged_and_a_duplicated_event_is_delivered_once()
        {
            await using var reader = new FakeReader();
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            var removed = new CardRemoved { Uid = new byte[] { 1, 2, 3, 4 } };
            byte[] frame = reader.Frame(FrameHeader.Request(MessageType.CardRemoved, 77), removed);
            await reader.SendRawAsync(frame.Concat(frame).ToArray());
            var second = reader.Frame(FrameHeader.Request(MessageType.CardRemoved, 78), removed);
            await reader.SendRawAsync(second);

            using var cts = new CancellationTokenSource(Long);
            ReceivedFrame first = await link.Events.ReadAsync(cts.Token);
            ReceivedFrame next = await link.Events.ReadAsync(cts.Token);
            Assert.Equal(77, first.RequestId);
            Assert.Equal(78, next.RequestId);
            Assert.Equal(1, link.Statistics.DuplicateEvents);
            await WaitUntil(() => reader.Received.Count(r => r.Header.Type == MessageType.CardRemoved && r.Header.IsAck) == 3);
        }

        [Fact]
        public async Task Line_noise_is_dropped_and_the_next_frame_still_gets_through()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest
                ? new[] { new byte[] { 0x13, 0x37, 0xAA, 0x00, 0x05, 0x01, 0x00 }, reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.NoCard }) }
                : null;
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            ReceivedFrame answer = await link.RequestAsync(Pin(), Long);

            Assert.Equal(PinEntryStatus.NoCard, PinBlockResponse.Decode(answer.Payload, 0, answer.Payload.Length).Status);
            Assert.True(link.Statistics.FramesDropped >= 1);
        }

        [Fact]
        public async Task A_reader_that_stops_answering_is_detected_by_the_heartbeat_and_the_link_recovers()
        {
            await using var reader = new FakeReader();
            await reader.StartAsync();
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            var states = new List<LinkState>();
            link.StateChanged += (_, s) => { lock (states) { states.Add(s); } };
            await link.StartAsync();

            reader.Answering = false;
            await WaitUntil(() => link.State == LinkState.Reconnecting);
            reader.Answering = true;
            await WaitUntil(() => link.State == LinkState.Connected && link.Statistics.Reconnects == 1);

            lock (states)
            {
                Assert.Contains(LinkState.Reconnecting, states);
                Assert.Equal(LinkState.Connected, states[^1]);
            }
        }

        [Fact]
        public async Task A_request_waiting_through_an_unplug_is_resent_with_its_id_after_the_reconnect()
        {
            await using var reader = new FakeReader();
            var unplugged = new TaskCompletionSource();
            int seen = 0;
            reader.Respond = (h, _) =>
            {
                if (h.Type != MessageType.PinRequest)
                {
                    return null;
                }
                if (Interlocked.Increment(ref seen) == 1)
                {
                    unplugged.TrySetResult();
                    return Array.Empty<byte[]>();
                }
                return new[] { reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.Cancelled }) };
            };
            await reader.StartAsync();
            var transport = new UnpluggableTransport(new PosixSerialPort(reader.DevicePath));
            await using var link = new ReaderLink(transport, Fast);
            await link.StartAsync();

            Task<ReceivedFrame> request = link.RequestAsync(Pin(), Long);
            await unplugged.Task.WaitAsync(Long);
            await transport.UnplugAsync();
            await WaitUntil(() => link.State == LinkState.Reconnecting);
            transport.Replug();

            ReceivedFrame answer = await request.WaitAsync(Long);
            Assert.Equal(MessageType.PinBlockResponse, answer.Type);
            Assert.True(transport.Opens >= 2);
            var ids = reader.Received.Where(r => r.Header.Type == MessageType.PinRequest).Select(r => r.Header.RequestId).Distinct();
            Assert.Single(ids);
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            using var cts = new CancellationTokenSource(Long);
            while (!condition())
            {
                await Task.Delay(10, cts.Token);
            }
        }
    }
}
