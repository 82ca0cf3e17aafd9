using System.Threading;

namespace MedCard.Host.Link
{
    /// <summary>Counters of one <see cref="ReaderLink"/>, safe to read at any time.</summary>
    public sealed class LinkStatistics
    {
        private long _framesSent;
        private long _framesResent;
        private long _framesReceived;
        private long _framesDropped;
        private long _bytesSent;
        private long _bytesReceived;
        private long _lateOrForeignResponses;
        private long _duplicateEvents;
        private long _reconnects;

        /// <summary>Frames sent for the first time.</summary>
        public long FramesSent => Interlocked.Read(ref _framesSent);

        /// <summary>Frames sent again after no answer.</summary>
        public long FramesResent => Interlocked.Read(ref _framesResent);

        /// <summary>Frames decoded intact.</summary>
        public long FramesReceived => Interlocked.Read(ref _framesReceived);

        /// <summary>Frames the decoder rejected (CRC, COBS, length, version): line noise.</summary>
        public long FramesDropped => Interlocked.Read(ref _framesDropped);

        /// <summary>Bytes written to the transport (COBS and delimiters included).</summary>
        public long BytesSent => Interlocked.Read(ref _bytesSent);

        /// <summary>Bytes read from the transport.</summary>
        public long BytesReceived => Interlocked.Read(ref _bytesReceived);

        /// <summary>Answers to no pending request (a duplicate, or an answer after the caller gave up).</summary>
        public long LateOrForeignResponses => Interlocked.Read(ref _lateOrForeignResponses);

        /// <summary>Events seen twice (same type and id) and delivered once.</summary>
        public long DuplicateEvents => Interlocked.Read(ref _duplicateEvents);

        /// <summary>Times the link came back after losing the reader.</summary>
        public long Reconnects => Interlocked.Read(ref _reconnects);

        internal void Sent(int wireBytes, bool resend)
        {
            Interlocked.Increment(ref resend ? ref _framesResent : ref _framesSent);
            Interlocked.Add(ref _bytesSent, wireBytes);
        }

        internal void Received() => Interlocked.Increment(ref _framesReceived);

        internal void ReceivedBytes(int count) => Interlocked.Add(ref _bytesReceived, count);

        internal void Dropped() => Interlocked.Increment(ref _framesDropped);

        internal void LateOrForeign() => Interlocked.Increment(ref _lateOrForeignResponses);

        internal void DuplicateEvent() => Interlocked.Increment(ref _duplicateEvents);

        internal void Reconnected() => Interlocked.Increment(ref _reconnects);

        /// <summary>All counters on one line.</summary>
        public override string ToString() =>
            "sent=" + FramesSent + " resent=" + FramesResent + " received=" + FramesReceived + " dropped=" + FramesDropped
            + " bytesOut=" + BytesSent + " bytesIn=" + BytesReceived + " late=" + LateOrForeignResponses
            + " dupEvents=" + DuplicateEvents + " reconnects=" + Reconnects;
    }
}
