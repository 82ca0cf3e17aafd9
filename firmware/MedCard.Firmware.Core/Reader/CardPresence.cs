using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// Debounced card presence. A card arrives after <see cref="ReaderTimings.PresenceConfirmPolls"/>
    /// consecutive polls with the same UID; it leaves only after <see cref="ReaderTimings.RemovalMissPolls"/>
    /// consecutive misses spanning at least <see cref="ReaderTimings.RemovalMinMs"/>. A card resting on an
    /// MFRC522 sometimes misses a poll; this hysteresis is what keeps it from flapping. A different UID
    /// counts as a miss for the present card (the old card left; the new one is confirmed afterwards).
    /// Polls at most every <see cref="ReaderTimings.PresencePollMs"/>; allocates nothing.
    /// </summary>
    public sealed class CardPresence
    {
        private readonly ICardField _field;
        private readonly ReaderTimings _timings;
        private readonly DetectedCard _scratch = new DetectedCard();
        private readonly DetectedCard _candidate = new DetectedCard();
        private readonly DetectedCard _current = new DetectedCard();

        private bool _present;
        private int _confirmations;
        private int _misses;
        private long _lastSeenMs;
        private long _lastPollMs;
        private bool _polledOnce;

        /// <summary>Track presence on <paramref name="field"/> with the given timings.</summary>
        public CardPresence(ICardField field, ReaderTimings timings)
        {
            _field = field;
            _timings = timings;
        }

        /// <summary>True while a confirmed card is on the reader.</summary>
        public bool IsPresent
        {
            get { return _present; }
        }

        /// <summary>The confirmed card (valid while <see cref="IsPresent"/>, and right after Left for the event).</summary>
        public DetectedCard Current
        {
            get { return _current; }
        }

        /// <summary>Poll if due and report a change.</summary>
        public PresenceChange Poll(long nowMs)
        {
            if (_polledOnce && nowMs - _lastPollMs < _timings.PresencePollMs)
            {
                return PresenceChange.None;
            }

            _polledOnce = true;
            _lastPollMs = nowMs;
            bool detected = _field.TryDetect(_scratch);

            if (!_present)
            {
                if (!detected)
                {
                    _confirmations = 0;
                    return PresenceChange.None;
                }

                if (_confirmations > 0 && _candidate.SameUid(_scratch))
                {
                    _confirmations++;
                }
                else
                {
                    _candidate.CopyFrom(_scratch);
                    _confirmations = 1;
                }

                if (_confirmations < _timings.PresenceConfirmPolls)
                {
                    return PresenceChange.None;
                }

                _current.CopyFrom(_candidate);
                _present = true;
                _misses = 0;
                _lastSeenMs = nowMs;
                return PresenceChange.Arrived;
            }

            if (detected && _current.SameUid(_scratch))
            {
                _misses = 0;
                _lastSeenMs = nowMs;
                return PresenceChange.None;
            }

            _misses++;
            if (_misses >= _timings.RemovalMissPolls && nowMs - _lastSeenMs >= _timings.RemovalMinMs)
            {
                _present = false;
                _confirmations = 0;
                return PresenceChange.Left;
            }

            return PresenceChange.None;
        }

        /// <summary>Count the card as just seen (a successful card command proves it is there).</summary>
        public void Touch(long nowMs)
        {
            if (_present)
            {
                _misses = 0;
                _lastSeenMs = nowMs;
            }
        }
    }
}
