using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Host.Diagnostics;
using MedCard.Host.Transport;
using MedCard.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedCard.Host.Link
{
    /// <summary>
    /// The protocol layer: frames over an <see cref="IByteTransport"/>. Matches answers to requests by
    /// request id, resends unanswered requests with the SAME id and bytes (the reader caches its last
    /// answers by id, so a resend never signs or debits twice), probes an idle link with Hello,
    /// and reopens the transport when it ends or stops answering; requests waiting at that moment are
    /// resent after the reconnect, again under their original id.
    /// </summary>
    internal sealed class ReaderLink : IAsyncDisposable
    {
        private readonly IByteTransport _transport;
        private readonly LinkOptions _options;
        private readonly ILogger _logger;
        private readonly IFrameObserver? _observer;
        private readonly ConcurrentDictionary<ushort, PendingRequest> _pending = new ConcurrentDictionary<ushort, PendingRequest>();
        private readonly Channel<ReceivedFrame> _events = Channel.CreateUnbounded<ReceivedFrame>(new UnboundedChannelOptions { SingleWriter = true });
        private readonly CancellationTokenSource _life = new CancellationTokenSource();
        private readonly object _stateGate = new object();
        private readonly EventDeduplicator _eventDedup = new EventDeduplicator(32, TimeSpan.FromSeconds(2));
        private readonly byte[] _payloadScratch = new byte[FrameFormat.MaxPayloadSize];
        private TaskCompletionSource _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private FrameDecoder? _decoder;
        private List<byte[]> _eventAcks = new List<byte[]>();
        private Task? _supervisor;
        private CancellationTokenSource? _session;
        private Task? _pumpTask;
        private LinkState _state;
        private int _nextId;
        private long _lastReceiveTimestamp;

        public ReaderLink(IByteTransport transport, LinkOptions? options = null, ILogger? logger = null, IFrameObserver? observer = null)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _options = options ?? LinkOptions.Default;
            _logger = logger ?? NullLogger.Instance;
            _observer = observer;
            // A random first id: a fresh host process must not reuse the ids of the previous one,
            // whose answers the reader may still have cached.
            _nextId = Random.Shared.Next(1, 0xFFFF);
        }

        public LinkState State
        {
            get
            {
                lock (_stateGate)
                {
                    return _state;
                }
            }
        }

        /// <summary>What the reader said in the last Hello exchange (firmware, reader id, board).</summary>
        public Capabilities? Capabilities { get; private set; }

        public LinkStatistics Statistics { get; } = new LinkStatistics();

        public string TransportName => _transport.Name;

        /// <summary>Raised on every state change, on the link's own threads.</summary>
        public event EventHandler<LinkState>? StateChanged;

        /// <summary>Raised after an automatic reconnect completed (the handshake succeeded again).</summary>
        public event EventHandler? Reconnected;

        /// <summary>Reader events (CardPresented, CardRemoved), each delivered once even if the wire repeated it.</summary>
        public ChannelReader<ReceivedFrame> Events => _events.Reader;

        /// <summary>
        /// Opens the transport and greets the reader. Throws the transport's error (missing device,
        /// permission, busy) or a timeout if nothing answers; after that, losses are handled by reconnecting.
        /// </summary>
        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (_supervisor is not null)
            {
                throw new InvalidOperationException("The link is already started.");
            }
            SetState(LinkState.Connecting);
            await _transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            var session = BeginSession();
            try
            {
                await HandshakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                session.Cancel();
                await _transport.CloseAsync().ConfigureAwait(false);
                SetState(LinkState.Closed);
                throw;
            }
            SetState(LinkState.Connected);
            _supervisor = Task.Run(SuperviseAsync);
        }

        /// <summary>
        /// Sends a request and returns its answer frame (typed response or bare ACK). Resends on silence,
        /// backs off on NACK, waits through reconnects; <paramref name="timeout"/> bounds all of it.
        /// </summary>
        public async Task<ReceivedFrame> RequestAsync(IMessage message, TimeSpan timeout, CancellationToken cancellationToken = default, TimeSpan? attemptTimeout = null)
        {
            ArgumentNullException.ThrowIfNull(message);
            ushort id = NextRequestId();
            byte[] wire = EncodeRequest(message, id);
            return await SendAndAwaitAsync(message.Type, id, wire, timeout, attemptTimeout ?? _options.AttemptTimeout, probe: false, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            if (_life.IsCancellationRequested)
            {
                return;
            }
            _life.Cancel();
            _session?.Cancel();
            if (_supervisor is not null)
            {
                try
                {
                    await _supervisor.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
            await _transport.CloseAsync().ConfigureAwait(false);
            SetState(LinkState.Closed);
            _events.Writer.TryComplete();
            // _life is not disposed: late callers still read its token and get ReaderLinkClosedException.
        }

        /// <summary>
        /// Greets the reader again and refreshes <see cref="Capabilities"/> (e.g. after provisioning, when
        /// the reader id changed).
        /// </summary>
        public async Task<Capabilities?> RefreshCapabilitiesAsync(CancellationToken cancellationToken = default)
        {
            await WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
            await HandshakeAsync(cancellationToken).ConfigureAwait(false);
            return Capabilities;
        }

        private ushort NextRequestId()
        {
            while (true)
            {
                int id = Interlocked.Increment(ref _nextId) & 0xFFFF;
                // 0 is never used, and an id still pending (after a 65535 wrap) is skipped.
                if (id != 0 && !_pending.ContainsKey((ushort)id))
                {
                    return (ushort)id;
                }
            }
        }

        private async Task<ReceivedFrame> SendAndAwaitAsync(MessageType type, ushort id, byte[] wire, TimeSpan timeout, TimeSpan attemptTimeout, bool probe, CancellationToken cancellationToken, int maxAttempts = 0)
        {
            if (maxAttempts <= 0)
            {
                maxAttempts = _options.MaxAttempts;
            }
            if (_life.IsCancellationRequested)
            {
                throw new ReaderLinkClosedException("The link to " + _transport.Name + " is closed.");
            }
            var pending = new PendingRequest(type, id);
            _pending[id] = pending;
            var clock = Stopwatch.StartNew();
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _life.Token);
            budget.CancelAfter(timeout);
            int sends = 0;
            int countedSends = 0;
            int nacks = 0;
            NackReason? lastNack = null;
            try
            {
                while (true)
                {
                    if (!probe)
                    {
                        await WaitConnectedAsync(budget.Token).ConfigureAwait(false);
                    }
                    Task<ReceivedFrame> answer = pending.Answer;
                    if (!answer.IsCompleted)
                    {
                        try
                        {
                            await _transport.WriteAsync(wire, budget.Token).ConfigureAwait(false);
                        }
                        catch (TransportClosedException) when (!probe)
                        {
                            // The supervisor notices the end of the stream and reconnects; resend then.
                            await Task.Delay(10, budget.Token).ConfigureAwait(false);
                            continue;
                        }
                        sends++;
                        Statistics.Sent(wire.Length, resend: sends > 1);
                        if (sends > 1)
                        {
                            _logger.LogDebug("Resending {Type} #{Id} (send {Send})", MessageTypes.Name(type), id, sends);
                            _observer?.OnFrame(FrameDirection.Resent, FrameHeader.Request(type, id), Array.Empty<byte>(), 0, 0, wire.Length);
                            if (HostTelemetry.Resent.Enabled)
                            {
                                TagList tags = LinkTags();
                                tags.Add(HostTelemetry.MessageTypeTag, MessageTypes.Name(type));
                                HostTelemetry.Resent.Add(1, tags);
                            }
                        }
                        Task finished = await Task.WhenAny(answer, Task.Delay(attemptTimeout, budget.Token)).ConfigureAwait(false);
                        if (finished != answer)
                        {
                            budget.Token.ThrowIfCancellationRequested();
                            lastNack = null;
                            // Silence while disconnected does not count against the request.
                            if (probe || State == LinkState.Connected)
                            {
                                countedSends++;
                            }
                            if (countedSends >= maxAttempts)
                            {
                                throw new ReaderTimeoutException(type, id, sends, clock.Elapsed);
                            }
                            continue;
                        }
                    }
                    ReceivedFrame frame = await answer.ConfigureAwait(false);
                    if (frame.Header.IsNack && !probe)
                    {
                        nacks++;
                        NackReason reason = frame.Payload.Length > 0 ? (NackReason)frame.Payload[0] : NackReason.Busy;
                        lastNack = reason;
                        if (nacks > _options.MaxNacks)
                        {
                            throw new ReaderBusyException(type, reason);
                        }
                        pending.Renew();
                        await Task.Delay(_options.NackBackoff, budget.Token).ConfigureAwait(false);
                        continue;
                    }
                    if (frame.Header.IsError && !probe)
                    {
                        ErrorCode code = ProtocolError.TryDecode(frame.Payload, 0, frame.Payload.Length, out ProtocolError? error) == DecodeStatus.Ok
                            ? error!.Code
                            : ErrorCode.Internal;
                        throw new ReaderErrorException(type, code);
                    }
                    return frame;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_life.IsCancellationRequested)
            {
                if (lastNack is NackReason busy && pending.Answer.IsCompleted == false)
                {
                    throw new ReaderBusyException(type, busy);
                }
                throw new ReaderTimeoutException(type, id, sends, clock.Elapsed);
            }
            catch (OperationCanceledException) when (_life.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ReaderLinkClosedException("The link to " + _transport.Name + " was closed while " + MessageTypes.Name(type) + " was waiting.");
            }
            finally
            {
                _pending.TryRemove(new KeyValuePair<ushort, PendingRequest>(id, pending));
            }
        }

        private Task WaitConnectedAsync(CancellationToken cancellationToken)
        {
            Task connected;
            lock (_stateGate)
            {
                if (_life.IsCancellationRequested || (_state == LinkState.Closed && _supervisor is not null))
                {
                    return Task.FromException(new ReaderLinkClosedException("The link to " + _transport.Name + " is closed."));
                }
                if (_state == LinkState.Connected)
                {
                    return Task.CompletedTask;
                }
                connected = _connected.Task;
            }
            return connected.WaitAsync(cancellationToken);
        }

        private async Task HandshakeAsync(CancellationToken cancellationToken)
        {
            var hello = new Hello { HostTime = (uint)_options.Time.GetUtcNow().ToUnixTimeSeconds() };
            ushort id = NextRequestId();
            byte[] wire = EncodeRequest(hello, id);
            ReceivedFrame frame = await SendAndAwaitAsync(MessageType.Hello, id, wire, _options.HandshakeTimeout, _options.AttemptTimeout, probe: true, cancellationToken,
                maxAttempts: int.MaxValue).ConfigureAwait(false);
            if (frame.Header.IsNack)
            {
                // Busy (e.g. mid PIN entry after our reconnect): it is alive; capabilities stay as they were.
                return;
            }
            if (frame.Header.IsError)
            {
                throw new ReaderErrorException(MessageType.Hello, ErrorCode.Internal);
            }
            Capabilities caps = Capabilities.Decode(frame.Payload, 0, frame.Payload.Length);
            if (caps.ProtocolVersion != FrameFormat.ProtocolVersion)
            {
                throw new TransportException("The reader on " + _transport.Name + " speaks protocol version " + caps.ProtocolVersion
                    + "; this host speaks " + FrameFormat.ProtocolVersion + ". Update the firmware or the host library.");
            }
            Capabilities = caps;
            _logger.LogInformation("Reader on {Transport}: firmware {Major}.{Minor}.{Patch}, reader id {ReaderId}, board {Board}",
                _transport.Name, caps.FirmwareMajor, caps.FirmwareMinor, caps.FirmwarePatch, caps.ReaderId, caps.BoardName);
        }

        /// <summary>
        /// Encodes a request once; every resend writes these same bytes. The observer sees the payload
        /// here (it redacts by type), then the scratch copy is wiped: it may have held a secret.
        /// </summary>
        private byte[] EncodeRequest(IMessage message, ushort id)
        {
            lock (_payloadScratch)
            {
                try
                {
                    int payloadLength = message.Encode(_payloadScratch, 0);
                    FrameHeader header = FrameHeader.Request(message.Type, id);
                    byte[] wire = new byte[FrameEncoder.MaxWireLength(payloadLength)];
                    int length = FrameEncoder.Encode(header, _payloadScratch, 0, payloadLength, wire, 0);
                    Array.Resize(ref wire, length);
                    _observer?.OnFrame(FrameDirection.Sent, header, _payloadScratch, 0, payloadLength, length);
                    return wire;
                }
                finally
                {
                    Array.Clear(_payloadScratch);
                }
            }
        }

        /// <summary>Starts the receive pump of a new session (a transport opening).</summary>
        private CancellationTokenSource BeginSession()
        {
            var session = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
            _session = session;
            _decoder = new FrameDecoder(new Handler(this));
            _eventDedup.Clear();
            _eventAcks = new List<byte[]>();
            Volatile.Write(ref _lastReceiveTimestamp, Stopwatch.GetTimestamp());
            _pumpTask = PumpAsync(_decoder, session.Token);
            return session;
        }

        private async Task SuperviseAsync()
        {
            TimeSpan delay = _options.ReconnectMinDelay;
            while (!_life.IsCancellationRequested)
            {
                CancellationTokenSource session = _session!;
                Task pump = _pumpTask!;
                Task heartbeat = HeartbeatAsync(session.Token);
                Task ended = await Task.WhenAny(pump, heartbeat).ConfigureAwait(false);
                session.Cancel();
                await ObserveEnd(pump).ConfigureAwait(false);
                await ObserveEnd(heartbeat).ConfigureAwait(false);
                if (_life.IsCancellationRequested)
                {
                    return;
                }
                string why = ended == pump ? "the transport ended (" + _transport.CloseReason + ")" : "the reader stopped answering";
                _logger.LogWarning("Link to {Transport} lost: {Reason}", _transport.Name, why);
                _observer?.OnLinkEvent("link lost: " + (ended == pump ? "transport ended" : "heartbeat unanswered"));
                SetState(LinkState.Reconnecting);
                await _transport.CloseAsync().ConfigureAwait(false);
                if (!_options.AutoReconnect)
                {
                    SetState(LinkState.Closed);
                    return;
                }
                while (!_life.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(delay, _life.Token).ConfigureAwait(false);
                        await _transport.OpenAsync(_life.Token).ConfigureAwait(false);
                        CancellationTokenSource next = BeginSession();
                        try
                        {
                            await HandshakeAsync(_life.Token).ConfigureAwait(false);
                        }
                        catch (Exception) when (!_life.IsCancellationRequested)
                        {
                            next.Cancel();
                            await _transport.CloseAsync().ConfigureAwait(false);
                            throw;
                        }
                        delay = _options.ReconnectMinDelay;
                        Statistics.Reconnected();
                        HostTelemetry.Reconnected.Add(1, LinkTags());
                        _logger.LogInformation("Link to {Transport} re-established", _transport.Name);
                        _observer?.OnLinkEvent("link re-established");
                        SetState(LinkState.Connected);
                        RaiseSafely(() => Reconnected?.Invoke(this, EventArgs.Empty), "Reconnected");
                        break;
                    }
                    catch (OperationCanceledException) when (_life.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex) when (ex is TransportException || ex is TimeoutException || ex is ReaderErrorException || ex is FormatException)
                    {
                        _logger.LogDebug("Reconnect to {Transport} failed: {Message}", _transport.Name, ex.Message);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
                    }
                }
            }
        }

        /// <summary>Waits for a session task; its failure ends the session, never the supervisor.</summary>
        private async Task ObserveEnd(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Session task on {Transport} failed", _transport.Name);
            }
        }

        private async Task PumpAsync(FrameDecoder decoder, CancellationToken cancellationToken)
        {
            await Task.Yield();
            byte[] buffer = new byte[1024];
            List<byte[]> acks = _eventAcks;
            while (true)
            {
                int n = await _transport.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }
                Statistics.ReceivedBytes(n);
                decoder.Feed(buffer, 0, n);
                foreach (byte[] ack in acks)
                {
                    try
                    {
                        await _transport.WriteAsync(ack, cancellationToken).ConfigureAwait(false);
                        Statistics.Sent(ack.Length, resend: false);
                    }
                    catch (TransportClosedException)
                    {
                        return;
                    }
                }
                acks.Clear();
            }
        }

        private async Task HeartbeatAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                await Task.Delay(_options.HeartbeatInterval / 4, cancellationToken).ConfigureAwait(false);
                long idleTicks = Stopwatch.GetTimestamp() - Volatile.Read(ref _lastReceiveTimestamp);
                if (Stopwatch.GetElapsedTime(0, idleTicks) < _options.HeartbeatInterval)
                {
                    continue;
                }
                ushort id = NextRequestId();
                byte[] wire = EncodeRequest(new Hello { HostTime = (uint)_options.Time.GetUtcNow().ToUnixTimeSeconds() }, id);
                TimeSpan budget = _options.AttemptTimeout * (_options.HeartbeatMisses + 1);
                try
                {
                    // Any answer, NACK included, proves the reader is alive.
                    await SendAndAwaitAsync(MessageType.Hello, id, wire, budget, _options.AttemptTimeout, probe: true, cancellationToken,
                        maxAttempts: Math.Max(1, _options.HeartbeatMisses)).ConfigureAwait(false);
                }
                catch (ReaderTimeoutException)
                {
                    return;
                }
                catch (TransportClosedException)
                {
                    return;
                }
            }
        }

        private void SetState(LinkState state)
        {
            TaskCompletionSource? release = null;
            lock (_stateGate)
            {
                if (_state == state)
                {
                    return;
                }
                _state = state;
                if (state == LinkState.Connected)
                {
                    release = _connected;
                }
                else if (state == LinkState.Closed && _supervisor is not null)
                {
                    _connected.TrySetException(new ReaderLinkClosedException("The link to " + _transport.Name + " is closed."));
                }
                else if (_connected.Task.IsCompleted)
                {
                    _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            release?.TrySetResult();
            RaiseSafely(() => StateChanged?.Invoke(this, state), "StateChanged");
        }

        /// <summary>An integrator's handler that throws must not stop the link's own loops.</summary>
        private void RaiseSafely(Action raise, string name)
        {
            try
            {
                raise();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A {Event} handler threw", name);
            }
        }

        private void OnFrame(FrameHeader header, byte[] frame, int offset, int count)
        {
            Volatile.Write(ref _lastReceiveTimestamp, Stopwatch.GetTimestamp());
            Statistics.Received();
            _observer?.OnFrame(FrameDirection.Received, header, frame, offset, count, 0);
            if (header.IsResponse)
            {
                if (_pending.TryGetValue(header.RequestId, out PendingRequest? pending) && pending.Accepts(header))
                {
                    if (!pending.TryAnswer(new ReceivedFrame(header, frame.AsSpan(offset, count).ToArray())))
                    {
                        Statistics.LateOrForeign();
                    }
                }
                else
                {
                    Statistics.LateOrForeign();
                    _logger.LogDebug("Ignoring answer {Header} that matches no pending request", header.ToString());
                }
                return;
            }
            if (MessageTypes.IsEvent(header.Type))
            {
                if (_options.AcknowledgeEvents)
                {
                    // Queued and written by the pump after Feed returns: the decoder calls us synchronously.
                    byte[] ack = new byte[FrameFormat.MaxEncodedFrameSize];
                    int length = FrameEncoder.EncodeAck(header, ack, 0);
                    Array.Resize(ref ack, length);
                    _eventAcks.Add(ack);
                }
                if (!_eventDedup.FirstTime(header.Type, header.RequestId))
                {
                    Statistics.DuplicateEvent();
                    return;
                }
                _events.Writer.TryWrite(new ReceivedFrame(header, frame.AsSpan(offset, count).ToArray()));
                return;
            }
            _logger.LogDebug("Ignoring unexpected frame {Header}", header.ToString());
        }

        private void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
            Statistics.Dropped();
            if (HostTelemetry.Dropped.Enabled)
            {
                TagList tags = LinkTags();
                tags.Add(HostTelemetry.DropReasonTag, reason.ToString());
                HostTelemetry.Dropped.Add(1, tags);
            }
            _observer?.OnFrameDropped(reason, byteCount);
        }

        /// <summary>The tags every link instrument carries: which port, which reader.</summary>
        private TagList LinkTags()
        {
            return new TagList
            {
                { HostTelemetry.TransportTag, _transport.Name },
                { HostTelemetry.ReaderIdTag, (long)(Capabilities?.ReaderId ?? 0) },
            };
        }

        private sealed class Handler : IFrameHandler
        {
            private readonly ReaderLink _link;

            internal Handler(ReaderLink link)
            {
                _link = link;
            }

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength) =>
                _link.OnFrame(header, frame, payloadOffset, payloadLength);

            public void OnFrameDropped(FrameDropReason reason, int byteCount) => _link.OnFrameDropped(reason, byteCount);
        }
    }
}
