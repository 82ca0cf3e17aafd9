using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Link;
using MedCard.Host.Pin;
using MedCard.Host.Tests.Fakes;
using MedCard.Host.Trace;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using Xunit;

namespace MedCard.Host.Tests.Client
{
    /// <summary>ReaderClient against a signing fake reader on a real pseudo-terminal.</summary>
    public sealed class ReaderClientTests : IAsyncLifetime
    {
        private const uint ReaderId = 5150;
        private const string Card = "SZ0012345678";
        private readonly byte[] _key = RecordChain.NewKey(5150);
        private readonly InMemoryReaderKeyStore _keys = new InMemoryReaderKeyStore();
        private readonly InMemoryRecordChainStore _chain = new InMemoryRecordChainStore();
        private readonly List<RecordCheck> _accepted = new List<RecordCheck>();
        private SigningReader _reader = null!;
        private ReaderClient _client = null!;

        private static readonly LinkOptions Fast = new LinkOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(150),
            MaxAttempts = 4,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        };

        public async Task InitializeAsync()
        {
            _keys.Add(ReaderId, _key);
            _reader = new SigningReader(ReaderId, _key);
            await _reader.StartAsync();
            _client = await Connect(Options());
        }

        public async Task DisposeAsync()
        {
            await _client.DisposeAsync();
            await _reader.DisposeAsync();
        }

        private ReaderClientOptions Options() => new ReaderClientOptions
        {
            Keys = _keys,
            Chain = _chain,
            Link = Fast,
            AuthorizeTimeout = TimeSpan.FromSeconds(3),
        };

        private async Task<ReaderClient> Connect(ReaderClientOptions options)
        {
            ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(_reader.DevicePath), options);
            client.RecordAccepted += (_, c) => { lock (_accepted) { _accepted.Add(c); } };
            return client;
        }

        [Fact]
        public async Task An_authorization_returns_a_verified_record_counted_once()
        {
            AuthorizationResult result = await _client.AuthorizeAsync(Card, 2500, TransactionType.Purchase);

            Assert.True(result.IsApproved);
            Assert.Equal(RecordVerdict.Accepted, result.Check!.Verdict);
            Assert.Equal(2500, result.Record!.Amount);
            Assert.Equal(ReaderId, result.Record.ReaderId);
            Assert.Single(_accepted);
            Assert.Equal(1u, (await _chain.GetAsync(ReaderId, CancellationToken.None)).Counter);
        }

        [Fact]
        public async Task A_genuine_record_answering_another_request_is_refused_as_a_replay()
        {
            var refused = new List<RecordCheck>();
            _client.RecordRefused += (_, c) => { lock (refused) { refused.Add(c); } };
            await _client.AuthorizeAsync(Card, 1000, TransactionType.Purchase);
            _reader.ReplayPreviousAnswerNext = true;

            AuthorizationResult replay = await _client.AuthorizeAsync(Card, 1000, TransactionType.Purchase);

            Assert.False(replay.IsApproved);
            Assert.Equal(RecordVerdict.Replayed, replay.Check!.Verdict);
            Assert.Single(refused);
            Assert.Single(_accepted);
        }

        [Fact]
        public async Task Lost_answers_are_recovered_by_resending_the_same_request_without_a_second_signature()
        {
            _reader.LoseNextAuthorizeAnswers = 2;

            AuthorizationResult result = await _client.AuthorizeAsync(Card, 990, TransactionType.Purchase);

            Assert.True(result.IsApproved);
            Assert.Equal(1, _reader.Signed);
            Assert.Single(_accepted);
            var sends = _reader.Wire.Received.Where(r => r.Header.Type == MessageType.AuthorizeRequest).ToList();
            Assert.True(sends.Count >= 3);
            Assert.Single(sends.Select(s => s.Header.RequestId).Distinct());
        }

        [Fact]
        public async Task A_record_signed_while_the_host_gave_up_is_recovered_from_the_journal_before_the_next()
        {
            // The path under test is the next authorization's own recovery. A reconnect's background journal sync would
            // file the record too, and under a loaded CI machine a missed heartbeat can cause one at any moment: off here.
            await _client.DisposeAsync();
            _client = await Connect(new ReaderClientOptions
            {
                Keys = _keys, Chain = _chain, Link = Fast, AuthorizeTimeout = TimeSpan.FromSeconds(3), SyncJournalOnReconnect = false,
            });
            _reader.SilentlySignNext = true;
            await Assert.ThrowsAsync<ReaderTimeoutException>(() => _client.AuthorizeAsync(Card, 100, TransactionType.Purchase));
            Assert.Equal(1, _reader.Signed);
            Assert.Empty(_accepted);

            AuthorizationResult next = await _client.AuthorizeAsync(Card, 200, TransactionType.Purchase);

            Assert.True(next.IsApproved);
            Assert.Equal(RecordVerdict.Accepted, next.Check!.Verdict);
            RecordCheck recovered = Assert.Single(next.Recovered);
            Assert.Equal(1u, recovered.Record.Counter);
            Assert.Equal(100, recovered.Record.Amount);
            Assert.Equal(new uint[] { 1, 2 }, _accepted.Select(c => c.Record.Counter).ToArray());
        }

        [Fact]
        public async Task A_reader_that_rebooted_and_signed_the_resend_again_is_counted_once()
        {
            _reader.RebootAfterSigningNext = true;

            AuthorizationResult result = await _client.AuthorizeAsync(Card, 700, TransactionType.Purchase);

            Assert.Equal(2, _reader.Signed);
            Assert.True(result.IsApproved);
            RecordCheck first = Assert.Single(_accepted);
            Assert.Equal(1u, first.Record.Counter);
            Assert.Equal(1u, Assert.Single(result.Recovered).Record.Counter);
            Assert.Equal(RecordVerdict.DuplicateSigning, result.Check!.Verdict);
            Assert.Equal(2u, result.Record!.Counter);
            Assert.Equal(2u, (await _chain.GetAsync(ReaderId, CancellationToken.None)).Counter);
        }

        [Fact]
        public async Task After_a_reconnect_records_signed_meanwhile_are_read_back_and_counted_once()
        {
            var transport = new UnpluggableTransport(new PosixSerialPort(_reader.DevicePath));
            await _client.DisposeAsync();
            _client = await ReaderClient.ConnectAsync(transport, Options() with { AuthorizeTimeout = TimeSpan.FromMilliseconds(1500) });
            _client.RecordAccepted += (_, c) => { lock (_accepted) { _accepted.Add(c); } };
            _reader.SilentlySignNext = true;
            await Assert.ThrowsAsync<ReaderTimeoutException>(() => _client.AuthorizeAsync(Card, 321, TransactionType.Purchase));
            Assert.Empty(_accepted);

            await transport.UnplugAsync();
            await WaitUntil(() => _client.LinkState == LinkState.Reconnecting);
            transport.Replug();

            await WaitUntil(() => { lock (_accepted) { return _accepted.Count == 1; } });
            await WaitUntil(() => Volatile.Read(ref _reader.JournalAcks) >= 1);
            Assert.Equal(321, _accepted[0].Record.Amount);
            Assert.Equal(1u, (await _chain.GetAsync(ReaderId, CancellationToken.None)).Counter);
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!condition())
            {
                await Task.Delay(10, cts.Token);
            }
        }

        [Fact]
        public async Task Burned_counters_are_reported_and_the_record_accepted()
        {
            await _client.AuthorizeAsync(Card, 1, TransactionType.Purchase);
            _reader.BurnCountersBeforeNext = 3;

            AuthorizationResult result = await _client.AuthorizeAsync(Card, 2, TransactionType.Purchase);

            Assert.Equal(RecordVerdict.AcceptedAfterUnusedCounters, result.Check!.Verdict);
            Assert.Equal(2u, result.Check.GapFrom);
            Assert.Equal(4u, result.Check.GapTo);
            Assert.Equal(2, _accepted.Count);
        }

        [Fact]
        public async Task A_reader_whose_key_the_host_does_not_hold_is_refused()
        {
            var emptyKeys = new InMemoryReaderKeyStore();
            await _client.DisposeAsync();
            _client = await Connect(Options() with { Keys = emptyKeys });

            AuthorizationResult result = await _client.AuthorizeAsync(Card, 5, TransactionType.Purchase);

            Assert.False(result.IsApproved);
            Assert.Equal(RecordVerdict.UnknownReader, result.Check!.Verdict);
            Assert.Empty(_accepted);
        }

        [Fact]
        public async Task The_pin_reaches_the_verifier_as_digits_and_is_wiped_afterwards()
        {
            _reader.Pin = new byte[] { 9, 8, 7, 6, 5, 4 };
            var verifier = new CapturingVerifier(new byte[] { 9, 8, 7, 6, 5, 4 });

            PinOutcome outcome = await _client.RequestPinAsync(Card, verifier, new PinEntryOptions { TimeoutSeconds = 5 });

            Assert.Equal(PinOutcome.Correct, outcome);
            Assert.Equal(6, verifier.SeenLength);
            Assert.NotNull(verifier.Buffer);
            Assert.All(verifier.Buffer!, b => Assert.Equal(0, b));
        }

        [Fact]
        public async Task A_wrong_pin_is_reported_as_wrong()
        {
            _reader.Pin = new byte[] { 0, 0, 0, 0, 0, 0 };
            PinOutcome outcome = await _client.RequestPinAsync(Card, new CapturingVerifier(new byte[] { 1, 2, 3, 4, 5, 6 }), new PinEntryOptions { TimeoutSeconds = 5 });
            Assert.Equal(PinOutcome.Wrong, outcome);
        }

        [Fact]
        public async Task A_pin_block_for_an_already_used_counter_is_refused_as_stale()
        {
            ChainPosition start = await _chain.GetAsync(ReaderId, CancellationToken.None);
            await _chain.TryAdvanceAsync(ReaderId, start, new ChainPosition(9, new byte[16]), CancellationToken.None);
            var verifier = new CapturingVerifier(new byte[] { 1, 2, 3, 4, 5, 6 });

            PinOutcome outcome = await _client.RequestPinAsync(Card, verifier, new PinEntryOptions { TimeoutSeconds = 5 });

            Assert.Equal(PinOutcome.StaleBlock, outcome);
            Assert.Equal(0, verifier.Calls);
        }

        [Fact]
        public async Task A_hotlist_is_sent_in_order_and_a_lost_chunk_is_resent_from_where_the_reader_stopped()
        {
            string[] lost = Enumerable.Range(0, 100).Select(i => "HB" + i.ToString("D18")).ToArray();
            _reader.HotlistLoseChunkOnce = 1;

            HotlistAck ack = await _client.PushHotlistAsync(42, lost, Array.Empty<byte[]>());

            Assert.Equal(HotlistStatus.Activated, ack.Status);
            Assert.Equal(42u, ack.ActiveVersion);
            Assert.Equal(lost, _reader.HotlistCardNumbers);
            Assert.Equal(new[] { 0, 1, 2, 1, 2, 3, 4 }, _reader.HotlistChunks);
        }

        [Fact]
        public async Task Provisioning_a_fresh_reader_makes_the_client_learn_its_new_id()
        {
            await using var fresh = new FakeReader { ReaderId = 0 };
            fresh.Respond = (h, payload) =>
            {
                if (h.Type != MessageType.Provision)
                {
                    return null;
                }
                Provision p = Provision.Decode(payload, 0, payload.Length);
                fresh.ReaderId = p.ReaderId;
                return new[] { fresh.Response(h, new ProvisionResponse { Status = ProvisionStatus.Provisioned, ReaderId = p.ReaderId }) };
            };
            await fresh.StartAsync();
            await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(fresh.DevicePath), Options());
            Assert.Equal(0u, client.ReaderId);

            ProvisionResponse response = await client.ProvisionAsync(777, RecordChain.NewKey(777));

            Assert.Equal(ProvisionStatus.Provisioned, response.Status);
            Assert.Equal(777u, client.ReaderId);
        }

        [Fact]
        public async Task Card_keys_reach_a_reader_that_announces_the_message_and_only_a_status_comes_back()
        {
            await using var reader = new FakeReader { Flags = CapabilityFlags.CardKeysMessage };
            ProvisionCardKeys? received = null;
            reader.Respond = (h, payload) =>
            {
                if (h.Type != MessageType.ProvisionCardKeys)
                {
                    return null;
                }
                received = ProvisionCardKeys.Decode(payload, 0, payload.Length);
                return new[] { reader.Response(h, new ProvisionCardKeysResponse { Status = CardKeysStatus.Installed }) };
            };
            await reader.StartAsync();
            await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(reader.DevicePath), Options());
            byte[] master = RecordChain.NewKey(1);

            CardKeysStatus status = await client.ProvisionCardKeysAsync(reader.ReaderId, master);

            Assert.Equal(CardKeysStatus.Installed, status);
            Assert.NotNull(received);
            Assert.Equal(reader.ReaderId, received!.ReaderId);
            Assert.Equal(master, received.KeyAMasterKey);
        }

        [Fact]
        public async Task Card_keys_are_not_sent_to_a_reader_whose_firmware_predates_the_message()
        {
            await using var reader = new FakeReader();
            await reader.StartAsync();
            await using ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(reader.DevicePath), Options());

            var refused = await Assert.ThrowsAsync<NotSupportedException>(
                () => client.ProvisionCardKeysAsync(reader.ReaderId, RecordChain.NewKey(1)));

            Assert.Contains("drop file", refused.Message);
            Assert.DoesNotContain(reader.Received, r => r.Header.Type == MessageType.ProvisionCardKeys);
        }

        [Fact]
        public async Task Calls_after_dispose_fail_with_a_closed_link_error()
        {
            await _client.DisposeAsync();
            await Assert.ThrowsAsync<ReaderLinkClosedException>(() => _client.GetStatusAsync());
        }

        [Fact]
        public async Task Logs_at_every_level_carry_no_key_no_pin_and_no_pin_block()
        {
            var logs = new CapturingLoggerFactory();
            _reader.Pin = new byte[] { 7, 3, 9, 1, 8, 2 };
            await _client.DisposeAsync();
            _client = await Connect(Options() with { LoggerFactory = logs });

            await _client.RequestPinAsync(Card, new CapturingVerifier(new byte[] { 7, 3, 9, 1, 8, 2 }), new PinEntryOptions { TimeoutSeconds = 5 });
            await _client.RequestPinAsync(Card, new CapturingVerifier(new byte[] { 0, 0, 0, 0, 0, 0 }), new PinEntryOptions { TimeoutSeconds = 5 });
            await _client.AuthorizeAsync(Card, 42, TransactionType.Purchase);
            await _client.ProvisionAsync(ReaderId, _key);

            string all = string.Join("\n", logs.Lines);
            Assert.NotEmpty(logs.Lines);
            Assert.DoesNotContain(Convert.ToHexString(_key), all);
            Assert.DoesNotContain(Convert.ToHexString(_key.AsSpan(0, 6)), all);
            Assert.DoesNotContain("739182", all);
            Assert.DoesNotContain("7, 3, 9, 1, 8, 2", all);
            Assert.DoesNotContain("070309010802", all);
        }

        [Fact]
        public async Task Waiting_for_a_card_returns_one_already_in_the_field_or_the_next_one_presented()
        {
            await Assert.ThrowsAsync<TimeoutException>(() => _client.WaitForCardAsync(TimeSpan.FromMilliseconds(200)));

            Task<CardEvent> waiting = _client.WaitForCardAsync(TimeSpan.FromSeconds(10));
            await SendCardAsync(1, new byte[] { 4, 9, 9, 9 });
            Assert.Equal(new byte[] { 4, 9, 9, 9 }, (await waiting).Uid);

            // Already in the field: no new event needed.
            Assert.Equal(new byte[] { 4, 9, 9, 9 }, (await _client.WaitForCardAsync(TimeSpan.FromSeconds(1))).Uid);

            await _reader.Wire.SendRawAsync(_reader.Wire.Frame(FrameHeader.Request(MessageType.CardRemoved, 2), new CardRemoved { Uid = new byte[] { 4, 9, 9, 9 } }));
            await WaitUntil(() => _client.CurrentCard is null);
            await Assert.ThrowsAsync<TimeoutException>(() => _client.WaitForCardAsync(TimeSpan.FromMilliseconds(200)));
        }

        private Task SendCardAsync(ushort eventId, byte[] uid) =>
            _reader.Wire.SendRawAsync(_reader.Wire.Frame(FrameHeader.Request(MessageType.CardPresented, eventId),
                new CardPresented { Uid = uid, Atqa = 4, Sak = 8, HolderStatus = HolderDataStatus.Blank }));

        [Fact]
        public async Task Card_events_arrive_as_an_async_stream_and_as_events()
        {
            var raised = new TaskCompletionSource<CardEvent>();
            _client.CardChanged += (_, e) => raised.TrySetResult(e);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            IAsyncEnumerator<CardEvent> stream = _client.CardEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
            Task<bool> first = stream.MoveNextAsync().AsTask();

            var presented = new CardPresented
            {
                Uid = new byte[] { 4, 1, 2, 3, 4, 5, 6 },
                Atqa = 0x0044,
                Sak = 0x08,
                HolderStatus = HolderDataStatus.Blank,
            };
            await _reader.Wire.SendRawAsync(_reader.Wire.Frame(FrameHeader.Request(MessageType.CardPresented, 1), presented));

            Assert.True(await first);
            Assert.True(stream.Current.IsPresent);
            Assert.Equal(presented.Uid, stream.Current.Uid);
            Assert.Equal(presented.Uid, (await raised.Task.WaitAsync(cts.Token)).Uid);
            await stream.DisposeAsync();
        }

        [Fact]
        public async Task The_diff_mode_transcript_is_identical_across_runs_and_holds_no_secret()
        {
            string first = await RunTracedSessionAsync();
            string second = await RunTracedSessionAsync();

            Assert.Equal(first, second);
            Assert.Contains("> #", first);
            Assert.Contains("PinBlockResponse RESP", first);
            Assert.Contains("block=<redacted 16 bytes>", first);
            Assert.Contains("key=<redacted 32 bytes>", first);
            Assert.DoesNotContain(Convert.ToHexString(_key), first);
            Assert.DoesNotContain(Convert.ToHexString(_key.AsSpan(0, 8)), first);
            Assert.DoesNotMatch(@"\d\d:\d\d:\d\d", first);
        }

        private async Task<string> RunTracedSessionAsync()
        {
            await using var reader = new SigningReader(ReaderId, _key);
            await reader.StartAsync();
            var text = new StringWriter();
            var time = new FixedTime(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
            ReaderClientOptions options = Options() with
            {
                Chain = new InMemoryRecordChainStore(),
                Trace = new FrameTranscript(text, diffMode: true),
                Time = time,
                NonceSource = span => span.Fill(0x5A),
                // Generous attempt timeout: a resend (timing-dependent) would rightly show in the transcript.
                Link = Fast with { HeartbeatInterval = TimeSpan.FromMinutes(5), AttemptTimeout = TimeSpan.FromSeconds(3) },
            };
            await using (ReaderClient client = await ReaderClient.ConnectAsync(new PosixSerialPort(reader.DevicePath), options))
            {
                await client.RequestPinAsync(Card, new CapturingVerifier(new byte[] { 1, 2, 3, 4, 5, 6 }), new PinEntryOptions { TimeoutSeconds = 5 });
                await client.AuthorizeAsync(Card, 4200, TransactionType.Purchase);
                await client.ProvisionAsync(ReaderId, _key);
            }
            return text.ToString();
        }

        private sealed class FixedTime : TimeProvider
        {
            private readonly DateTimeOffset _now;

            internal FixedTime(DateTimeOffset now)
            {
                _now = now;
            }

            public override DateTimeOffset GetUtcNow() => _now;
        }

        private sealed class CapturingVerifier : IPinVerifier
        {
            private readonly byte[] _expected;

            internal CapturingVerifier(byte[] expected)
            {
                _expected = expected;
            }

            internal byte[]? Buffer;
            internal int SeenLength;
            internal int Calls;

            public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken)
            {
                Calls++;
                SeenLength = digits.Length;
                if (MemoryMarshal.TryGetArray(digits, out ArraySegment<byte> segment))
                {
                    Buffer = segment.Array;
                }
                return ValueTask.FromResult(digits.Span.SequenceEqual(_expected) ? PinCheck.Correct : PinCheck.Wrong);
            }
        }
    }
}
