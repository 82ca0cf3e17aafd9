using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MedCard.Host.Diagnostics
{
    /// <summary>
    /// The names under which the host library reports metrics (<see cref="Meter"/>) and traces (<see cref="ActivitySource"/>).
    /// Subscribe by these names (OpenTelemetry <c>AddMeter(HostTelemetry.MeterName)</c>, <c>AddSource(HostTelemetry.ActivitySourceName)</c>,
    /// or a <see cref="MeterListener"/>). Tags carry reader ids, transport names, message types and outcomes only: never a key,
    /// a PIN, a PIN block or a card number.
    /// </summary>
    public static class HostTelemetry
    {
        /// <summary>The meter's name (and version-less identity): "MedCard.Host".</summary>
        public const string MeterName = "MedCard.Host";

        /// <summary>The activity source's name: "MedCard.Host".</summary>
        public const string ActivitySourceName = "MedCard.Host";

        /// <summary>Counter, unit {frame}: a request written again under the same id after no answer. Tags: <see cref="TransportTag"/>, <see cref="ReaderIdTag"/>, <see cref="MessageTypeTag"/>.</summary>
        public const string FramesResent = "medcard.link.frames.resent";

        /// <summary>Counter, unit {frame}: a received frame the decoder rejected (line noise). Tags: <see cref="TransportTag"/>, <see cref="ReaderIdTag"/>, <see cref="DropReasonTag"/>.</summary>
        public const string FramesDropped = "medcard.link.frames.dropped";

        /// <summary>Counter, unit {reconnect}: the link came back after losing the reader. Tags: <see cref="TransportTag"/>, <see cref="ReaderIdTag"/>.</summary>
        public const string Reconnects = "medcard.link.reconnects";

        /// <summary>Histogram, unit s: one <c>ReaderClient.AuthorizeAsync</c> from request to verified record (or refusal, or failure).
        /// Tags: <see cref="ReaderIdTag"/>, <see cref="OutcomeTag"/>.</summary>
        public const string AuthorizeDuration = "medcard.reader.authorize.duration";

        /// <summary>Tag: the transport's name (device path, COM port, tcp://host:port).</summary>
        public const string TransportTag = "medcard.link.transport";

        /// <summary>Tag: the reader's id from its Capabilities (0 before the handshake or when unprovisioned).</summary>
        public const string ReaderIdTag = "medcard.reader.id";

        /// <summary>Tag: the protocol message type of the request (e.g. AuthorizeRequest).</summary>
        public const string MessageTypeTag = "medcard.message.type";

        /// <summary>Tag: why a frame was dropped (BadCrc, BadCobs...).</summary>
        public const string DropReasonTag = "medcard.link.drop_reason";

        /// <summary>Tag: how a call ended: the reader's status (Approved, JournalFull...), the record verdict when it signed but
        /// the host refused the record, or "error" when it threw.</summary>
        public const string OutcomeTag = "medcard.outcome";

        internal static readonly ActivitySource Source = new ActivitySource(ActivitySourceName);

        internal static readonly Meter Meter = new Meter(MeterName);

        internal static readonly Counter<long> Resent = Meter.CreateCounter<long>(FramesResent, "{frame}", "Requests written again under the same id after no answer");

        internal static readonly Counter<long> Dropped = Meter.CreateCounter<long>(FramesDropped, "{frame}", "Received frames the decoder rejected (line noise)");

        internal static readonly Counter<long> Reconnected = Meter.CreateCounter<long>(Reconnects, "{reconnect}", "Times the link came back after losing the reader");

        internal static readonly Histogram<double> Authorize = Meter.CreateHistogram<double>(AuthorizeDuration, "s", "Authorization latency, request to verified record");

        /// <summary>Starts a span for one reader call (null when nobody listens).</summary>
        internal static Activity? StartReaderCall(string operation, uint readerId, string transport)
        {
            Activity? activity = Source.StartActivity(operation, ActivityKind.Client);
            if (activity is not null)
            {
                activity.SetTag(ReaderIdTag, (long)readerId);
                activity.SetTag(TransportTag, transport);
            }

            return activity;
        }

        /// <summary>Marks a span failed with the exception's type only: exception messages may name a card.</summary>
        internal static void Failed(Activity? activity, System.Exception error)
        {
            if (activity is null)
            {
                return;
            }

            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.SetTag(OutcomeTag, "error");
        }
    }
}
