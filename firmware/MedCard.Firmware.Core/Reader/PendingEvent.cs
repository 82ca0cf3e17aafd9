using MedCard.Protocol;

namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// The one event the host has not acknowledged yet (protocol rule 8), kept as the exact wire bytes so a re-send
    /// is byte for byte the first copy and costs no allocation. A re-send falls due every
    /// <c>intervalMs</c> after the previous copy, at most <c>resends</c> times; the host's bare ACK with the same
    /// type and id ends it, and so does a newer event (<see cref="Arm"/>): the host only recognises a repeat of the
    /// last (type, id) it saw, so an older event re-sent after a newer one would reach it as a new, stale event.
    /// </summary>
    public sealed class PendingEvent
    {
        private readonly byte[] _wire = new byte[FrameFormat.MaxEncodedFrameSize];
        private int _length;
        private MessageType _type;
        private ushort _id;
        private long _dueMs;
        private int _resendsLeft;
        private bool _active;

        /// <summary>The buffer an event is encoded into before <see cref="Arm"/>; its first <see cref="Length"/> bytes are the frame.</summary>
        public byte[] Wire
        {
            get { return _wire; }
        }

        /// <summary>Length of the frame in <see cref="Wire"/>.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>True while a re-send may still follow (not acknowledged, not superseded, tries left).</summary>
        public bool IsActive
        {
            get { return _active; }
        }

        /// <summary>Type of the pending event (valid while <see cref="IsActive"/>).</summary>
        public MessageType Type
        {
            get { return _type; }
        }

        /// <summary>Event id of the pending event (valid while <see cref="IsActive"/>).</summary>
        public ushort Id
        {
            get { return _id; }
        }

        /// <summary>
        /// The frame just encoded into <see cref="Wire"/> was sent at <paramref name="nowMs"/>: re-send it every
        /// <paramref name="intervalMs"/> up to <paramref name="resends"/> times until acknowledged. Replaces any
        /// older pending event.
        /// </summary>
        public void Arm(int length, MessageType type, ushort id, long nowMs, int intervalMs, int resends)
        {
            _length = length;
            _type = type;
            _id = id;
            _dueMs = nowMs + intervalMs;
            _resendsLeft = resends;
            _active = resends > 0;
        }

        /// <summary>
        /// A bare ACK arrived: true (and nothing more is re-sent) when it answers the pending event. An ACK for
        /// another id or type (a superseded event, a late duplicate) changes nothing.
        /// </summary>
        public bool Acknowledge(FrameHeader ack)
        {
            if (!_active || !ack.IsAck || ack.Type != _type || ack.RequestId != _id)
            {
                return false;
            }

            _active = false;
            return true;
        }

        /// <summary>
        /// True when a re-send is due at <paramref name="nowMs"/>; counts it and schedules the next one
        /// <paramref name="intervalMs"/> later (from now, so a main loop that stalled does not fire two copies back to back).
        /// </summary>
        public bool TakeDue(long nowMs, int intervalMs)
        {
            if (!_active || nowMs < _dueMs)
            {
                return false;
            }

            _resendsLeft--;
            _active = _resendsLeft > 0;
            _dueMs = nowMs + intervalMs;
            return true;
        }
    }
}
