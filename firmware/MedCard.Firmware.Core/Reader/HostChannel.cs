using System;
using MedCard.Firmware.Hardware;
using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// The reader's end of the wire protocol over <see cref="IHostLink"/>: feeds received bytes to the
    /// frame decoder, answers retries from the <see cref="ResponseCache"/>, hands new requests to the
    /// <see cref="IRequestHandler"/>, and encodes answers and events. One request may be deferred at a time
    /// (PIN entry): the handler decides what a repeat of it (<see cref="IsRepeatOfDeferred"/>: absorbed) and any
    /// other request meanwhile (typically NACK Busy) get. Events are re-sent until the host acknowledges them (protocol rule 8,
    /// <see cref="PendingEvent"/>). Polled from the main loop; nothing allocated on an idle poll.
    /// </summary>
    public sealed class HostChannel : IFrameHandler
    {
        private readonly IHostLink _link;
        private readonly FrameDecoder _decoder;
        private readonly ResponseCache _cache;
        private readonly byte[] _readBuffer = new byte[64];
        private readonly byte[] _payload = new byte[FrameFormat.MaxPayloadSize];
        private readonly byte[] _wire = new byte[FrameFormat.MaxEncodedFrameSize];
        private readonly PendingEvent _event = new PendingEvent();
        private readonly int _eventResendMs;
        private readonly int _eventResends;

        private IRequestHandler _handler;
        private uint _currentCrc;
        private bool _deferredActive;
        private FrameHeader _deferredHeader;
        private uint _deferredCrc;
        private ushort _lastEventId;

        /// <summary>
        /// Create over a link; <see cref="SetHandler"/> before the first <see cref="Poll"/>. An unacknowledged event is
        /// re-sent every <paramref name="eventResendMs"/>, at most <paramref name="eventResends"/> times (0: never).
        /// </summary>
        public HostChannel(IHostLink link, int cacheSize, int eventResendMs, int eventResends)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            _link = link;
            _decoder = new FrameDecoder(this);
            _cache = new ResponseCache(cacheSize);
            _eventResendMs = eventResendMs;
            _eventResends = eventResends;
        }

        /// <summary>The decoder (its counters go into StatusResponse).</summary>
        public FrameDecoder Decoder
        {
            get { return _decoder; }
        }

        /// <summary>True while a deferred request waits for its answer.</summary>
        public bool HasDeferred
        {
            get { return _deferredActive; }
        }

        /// <summary>Header of the deferred request (valid while <see cref="HasDeferred"/>).</summary>
        public FrameHeader DeferredHeader
        {
            get { return _deferredHeader; }
        }

        /// <summary>Frames answered from the cache (retries).</summary>
        public int CacheHits { get; private set; }

        /// <summary>True while the last event is unacknowledged and may still be re-sent.</summary>
        public bool HasPendingEvent
        {
            get { return _event.IsActive; }
        }

        /// <summary>Event copies re-sent because no ACK came in time (each one is a lost event or a lost ACK).</summary>
        public int EventResends { get; private set; }

        /// <summary>Set the request handler.</summary>
        public void SetHandler(IRequestHandler handler)
        {
            _handler = handler;
        }

        /// <summary>
        /// Read whatever the link has and process the frames in it, then re-send the pending event if it is due
        /// (after reading, so an ACK that has just arrived prevents the copy).
        /// </summary>
        public void Poll(long nowMs)
        {
            ReadLink();
            if (_event.TakeDue(nowMs, _eventResendMs))
            {
                EventResends++;
                _link.Write(_event.Wire, 0, _event.Length);
            }
        }

        private void ReadLink()
        {
            int available = _link.BytesAvailable;
            if (available <= 0)
            {
                return;
            }

            while (available > 0)
            {
                int n = _link.Read(_readBuffer, 0, available < _readBuffer.Length ? available : _readBuffer.Length);
                if (n <= 0)
                {
                    break;
                }

                _decoder.Feed(_readBuffer, 0, n);
                available = _link.BytesAvailable;
            }

            // The raw bytes may have carried a key (Provision, ProvisionCardKeys): leave no copy in this buffer.
            Array.Clear(_readBuffer, 0, _readBuffer.Length);
        }

        /// <summary>True when the request being handled is a repeat of the deferred one (same id, type and bytes).</summary>
        public bool IsRepeatOfDeferred(FrameHeader header)
        {
            return _deferredActive && header.RequestId == _deferredHeader.RequestId && header.Type == _deferredHeader.Type && _currentCrc == _deferredCrc;
        }

        /// <summary>Mark the request being handled as answered later with <see cref="SendDeferred"/>.</summary>
        public void BeginDeferred(FrameHeader header)
        {
            _deferredActive = true;
            _deferredHeader = header;
            _deferredCrc = _currentCrc;
        }

        /// <summary>Answer the deferred request with a typed response (cached like any other).</summary>
        public void SendDeferred(IMessage response)
        {
            if (!_deferredActive)
            {
                throw new InvalidOperationException("no deferred request");
            }

            _deferredActive = false;
            SendAndCache(_deferredHeader, _deferredCrc, response);
        }

        /// <summary>Answer the current request with a typed response (cached unless it reports a storage failure).</summary>
        public void Respond(FrameHeader request, IMessage response)
        {
            SendAndCache(request, _currentCrc, response);
        }

        /// <summary>Answer the current request with a bare ACK.</summary>
        public void Ack(FrameHeader request)
        {
            int n = FrameEncoder.EncodeAck(request, _wire, 0);
            _cache.Store(request, _currentCrc, _wire, n);
            _link.Write(_wire, 0, n);
        }

        /// <summary>
        /// Answer the current request with an error. Cached (the same request always gets the same error), except a
        /// storage failure: its retry is executed again (<see cref="TransientAnswers"/>).
        /// </summary>
        public void Error(FrameHeader request, ErrorCode code)
        {
            int n = FrameEncoder.EncodeError(request, code, _wire, 0);
            if (!TransientAnswers.IsTransient(code))
            {
                _cache.Store(request, _currentCrc, _wire, n);
            }

            _link.Write(_wire, 0, n);
        }

        /// <summary>Answer with a NACK (not cached: the point is that a retry is processed again).</summary>
        public void Nack(FrameHeader request, NackReason reason)
        {
            int n = FrameEncoder.EncodeNack(request, reason, _wire, 0);
            _link.Write(_wire, 0, n);
        }

        /// <summary>
        /// Send an unsolicited event with the next event id (1..65535, then 1 again: 0 is not used, protocol rule 4)
        /// and keep it for re-sending until the host acknowledges it. It supersedes any older unacknowledged event.
        /// </summary>
        public void SendEvent(IMessage message, long nowMs)
        {
            _lastEventId = _lastEventId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastEventId + 1);
            FrameHeader header = FrameHeader.Request(message.Type, _lastEventId);
            int n = FrameEncoder.Encode(header, message, _payload, _event.Wire, 0);
            _event.Arm(n, message.Type, _lastEventId, nowMs, _eventResendMs, _eventResends);
            _link.Write(_event.Wire, 0, n);
        }

        /// <summary>Forget cached answers and any deferred request (factory wipe).</summary>
        public void ClearCache()
        {
            _cache.Clear();
            _deferredActive = false;
        }

        /// <summary>IFrameHandler: an intact frame arrived.</summary>
        public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
        {
            if (header.IsResponse)
            {
                // The host acknowledging one of our events (rule 8); an ACK for a superseded event is ignored, and
                // responses are never answered (rule 3).
                _event.Acknowledge(header);
                return;
            }

            _currentCrc = Crc32.Compute(frame, payloadOffset, payloadLength);
            int hit = _cache.Find(header, _currentCrc);
            if (hit >= 0)
            {
                CacheHits++;
                _link.Write(_cache.Wire(hit), 0, _cache.Length(hit));
                return;
            }

            if (_handler == null)
            {
                Nack(header, NackReason.NotReady);
                return;
            }

            _handler.OnRequest(header, frame, payloadOffset, payloadLength);
        }

        /// <summary>IFrameHandler: a damaged frame was dropped (counted by the decoder; never answered).</summary>
        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
        }

        private void SendAndCache(FrameHeader request, uint crc, IMessage response)
        {
            FrameHeader header = request.ToResponse(response.Type);
            int n = FrameEncoder.Encode(header, response, _payload, _wire, 0);
            if (!TransientAnswers.IsTransient(response))
            {
                _cache.Store(request, crc, _wire, n);
            }

            _link.Write(_wire, 0, n);
        }
    }
}
