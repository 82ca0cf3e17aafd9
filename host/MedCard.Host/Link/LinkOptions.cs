using System;

namespace MedCard.Host.Link
{
    /// <summary>Timing of the protocol layer. Defaults suit 115200 baud, where a 512-byte frame takes 50 ms.</summary>
    public sealed record LinkOptions
    {
        /// <summary>
        /// How long to wait for an answer before resending the same frame (same request id). The
        /// protocol suggests 500 ms; requests that write flash pass their own (1 s, see ReaderClient).
        /// </summary>
        public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Sends per request, first one included: the protocol's "re-send up to 3 times".</summary>
        public int MaxAttempts { get; init; } = 4;

        /// <summary>How long the Hello exchange may take when (re)opening, resends included.</summary>
        public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(3);

        /// <summary>Pause before resending after a NACK (reader busy / not ready).</summary>
        public TimeSpan NackBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

        /// <summary>
        /// NACKs tolerated per request. NACKs do not count as tries (protocol rule 5): by default only
        /// the call's timeout bounds them, and a call that times out while NACKed throws ReaderBusyException.
        /// </summary>
        public int MaxNacks { get; init; } = int.MaxValue;

        /// <summary>When nothing was received for this long, probe with Hello.</summary>
        public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

        /// <summary>Unanswered heartbeat probes (each with its own attempt timeout) before the link is declared stale and reopened.</summary>
        public int HeartbeatMisses { get; init; } = 3;

        /// <summary>First and largest pause between reconnect attempts (doubling in between).</summary>
        public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

        /// <summary>Longest wait between reconnect attempts (the backoff's cap).</summary>
        public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(3);

        /// <summary>Acknowledge reader events (CardPresented, CardRemoved) so the reader stops repeating them.</summary>
        public bool AcknowledgeEvents { get; init; } = true;

        /// <summary>Reconnect automatically when the transport ends or the heartbeat fails.</summary>
        public bool AutoReconnect { get; init; } = true;

        /// <summary>Clock for the Hello host time (pinned in tests and diff-mode transcripts).</summary>
        public TimeProvider Time { get; init; } = TimeProvider.System;

        /// <summary>The defaults above.</summary>
        public static LinkOptions Default { get; } = new LinkOptions();
    }
}
