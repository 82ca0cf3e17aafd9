using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Diagnostics;
using MedCard.Host.Link;
using MedCard.Host.Tests.Fakes;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Diagnostics
{
    /// <summary>The "MedCard.Host" meter and activity source fire where the link and the client act, on real pseudo-terminals.</summary>
    public sealed class HostTelemetryTests
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

        /// <summary>No heartbeat probe during the exchange: only the request under test can be resent.</summary>
        private static readonly LinkOptions Quiet = Fast with { HeartbeatInterval = TimeSpan.FromSeconds(30) };

        [Fact]
        public void The_names_integrators_subscribe_by_are_fixed()
        {
            Assert.Equal("MedCard.Host", HostTelemetry.MeterName);
            Assert.Equal("MedCard.Host", HostTelemetry.ActivitySourceName);
        }

        [Fact]
        public async Task A_resend_is_counted_with_its_port_and_message_type()
        {
            await using var reader = new FakeReader();
            int seen = 0;
            reader.Respond = (h, _) => h.Type != MessageType.PinRequest ? null
                : Interlocked.Increment(ref seen) < 2 ? Array.Empty<byte[]>()
                : new[] { reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.Cancelled }) };
            await reader.StartAsync();
            using var recorder = new TelemetryRecorder(HostTelemetry.MeterName, HostTelemetry.TransportTag, reader.DevicePath);
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Quiet);
            await link.StartAsync();

            await link.RequestAsync(new PinRequest { TimeoutSeconds = 5 }, Long);

            var resends = recorder.Measurements(HostTelemetry.FramesResent);
            Assert.NotEmpty(resends);
            Assert.Equal(link.Statistics.FramesResent, (long)resends.Sum(m => m.Value));
            Assert.All(resends, m => Assert.Equal("PinRequest", m.Tags[HostTelemetry.MessageTypeTag]));
            Assert.All(resends, m => Assert.Equal((long)reader.ReaderId, m.Tags[HostTelemetry.ReaderIdTag]));
        }

        [Fact]
        public async Task Line_noise_is_counted_as_a_dropped_frame_with_its_reason()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.PinRequest
                ? new[] { new byte[] { 0x13, 0x37, 0xAA, 0x00, 0x05, 0x01, 0x00 }, reader.Response(h, new PinBlockResponse { Status = PinEntryStatus.NoCard }) }
                : null;
            await reader.StartAsync();
            using var recorder = new TelemetryRecorder(HostTelemetry.MeterName, HostTelemetry.TransportTag, reader.DevicePath);
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Quiet);
            await link.StartAsync();

            await link.RequestAsync(new PinRequest { TimeoutSeconds = 5 }, Long);

            var drops = recorder.Measurements(HostTelemetry.FramesDropped);
            Assert.NotEmpty(drops);
            Assert.All(drops, m => Assert.False(string.IsNullOrEmpty(m.Tags[HostTelemetry.DropReasonTag] as string)));
        }

        [Fact]
        public async Task A_reconnect_is_counted()
        {
            await using var reader = new FakeReader();
            await reader.StartAsync();
            using var recorder = new TelemetryRecorder(HostTelemetry.MeterName, HostTelemetry.TransportTag, reader.DevicePath);
            await using var link = new ReaderLink(new PosixSerialPort(reader.DevicePath), Fast);
            await link.StartAsync();

            reader.Answering = false;
            await WaitUntil(() => link.State == LinkState.Reconnecting);
            reader.Answering = true;
            await WaitUntil(() => link.State == LinkState.Connected && link.Statistics.Reconnects == 1);

            Assert.True(recorder.Measurements(HostTelemetry.Reconnects).Sum(m => m.Value) >= 1);
        }

        [Fact]
        public async Task An_authorization_records_its_latency_and_a_span_that_carries_no_card_number()
        {
            const uint readerId = 5151;
            const string card = "SZ0012345678";
            byte[] key = RecordChain.NewKey((int)readerId);
            var keys = new InMemoryReaderKeyStore();
            keys.Add(readerId, key);
            await using var reader = new SigningReader(readerId, key);
            await reader.StartAsync();
            using var recorder = new TelemetryRecorder(HostTelemetry.MeterName, HostTelemetry.TransportTag, reader.DevicePath);
            using var latency = new TelemetryRecorder(HostTelemetry.MeterName, HostTelemetry.ReaderIdTag, (long)readerId);
            await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(reader.DevicePath),
                new ReaderClientOptions { Keys = keys, Chain = new InMemoryRecordChainStore(), Link = Fast });

            AuthorizationResult result = await client.AuthorizeAsync(card, 2500, TransactionType.Purchase);
            await client.SyncJournalAsync();

            Assert.True(result.IsApproved);
            var samples = latency.Measurements(HostTelemetry.AuthorizeDuration);
            Assert.Single(samples);
            Assert.True(samples[0].Value > 0);
            Assert.Equal("Approved", samples[0].Tags[HostTelemetry.OutcomeTag]);
            Activity span = Assert.Single(recorder.Spans("medcard.reader.authorize"));
            Assert.Equal("Approved", span.GetTagItem(HostTelemetry.OutcomeTag));
            Assert.Equal((long)readerId, span.GetTagItem(HostTelemetry.ReaderIdTag));
            Assert.Single(recorder.Spans("medcard.reader.journal.sync"));
            Assert.All(recorder.AllSpans().SelectMany(s => s.TagObjects), tag => Assert.DoesNotContain(card, tag.Value?.ToString() ?? string.Empty));
        }

        [Fact]
        public async Task A_failed_call_is_a_span_with_error_status()
        {
            await using var reader = new FakeReader();
            reader.Respond = (h, _) => h.Type == MessageType.StatusRequest ? new[] { reader.Error(h, ErrorCode.InvalidState) } : null;
            await reader.StartAsync();
            using var recorder = new TelemetryRecorder(HostTelemetry.MeterName, HostTelemetry.TransportTag, reader.DevicePath);
            await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(reader.DevicePath),
                new ReaderClientOptions { Keys = new InMemoryReaderKeyStore(), Chain = new InMemoryRecordChainStore(), Link = Fast });

            await Assert.ThrowsAsync<ReaderErrorException>(() => client.GetStatusAsync());

            Activity span = Assert.Single(recorder.Spans("medcard.reader.status"));
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("error", span.GetTagItem(HostTelemetry.OutcomeTag));
        }

        [Theory]
        [InlineData(ResetMode.Reboot, 0u)]
        [InlineData(ResetMode.FactoryWipe, 7001u)]
        public async Task Reset_names_the_greeted_reader_only_for_a_factory_wipe(ResetMode mode, uint confirm)
        {
            await using var reader = new FakeReader { ReaderId = 7001 };
            reader.Respond = (h, _) => h.Type == MessageType.Reset ? new[] { reader.Ack(h) } : null;
            await reader.StartAsync();
            await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(reader.DevicePath),
                new ReaderClientOptions { Keys = new InMemoryReaderKeyStore(), Chain = new InMemoryRecordChainStore(), Link = Fast });

            await client.ResetAsync(mode);

            var sent = reader.Received.Where(r => r.Header.Type == MessageType.Reset).ToList();
            Assert.NotEmpty(sent);
            Reset request = Reset.Decode(sent[0].Payload, 0, sent[0].Payload.Length);
            Assert.Equal(mode, request.Mode);
            Assert.Equal(confirm, request.ConfirmReaderId);
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            using var timeout = new CancellationTokenSource(Long);
            while (!condition())
            {
                await Task.Delay(10, timeout.Token);
            }
        }
    }
}
