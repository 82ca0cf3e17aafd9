using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using MedCard.Host.Link;
using MedCard.Protocol;

namespace MedCard.Host.Trace
{
    /// <summary>
    /// Trace mode: one line per frame, sent or received, in a form two runs can be diffed in.
    /// Request ids are replaced by stable sequence numbers (#1, #2... in order of first appearance,
    /// since the link starts from a random id), and in diff mode no timestamps are written. Secrets
    /// are redacted by message type, before any formatting: the key of Provision and the PIN block of
    /// PinBlockResponse never reach the writer.
    /// </summary>
    /// <remarks>
    /// Line format: <c>[time ]dir #seq Type flags len=N payload</c>, dir being <c>&gt;</c> sent,
    /// <c>&gt;&gt;</c> resent (same bytes), <c>&lt;</c> received, <c>!</c> dropped, <c>~</c> link event.
    /// For byte-identical transcripts, also pin the client's clock and nonce source.
    /// </remarks>
    public sealed class FrameTranscript : IFrameObserver
    {
        private readonly TextWriter _writer;
        private readonly bool _diffMode;
        private readonly TimeProvider _time;
        private readonly Dictionary<ushort, int> _sequence = new Dictionary<ushort, int>();
        private readonly object _gate = new object();

        /// <summary>A transcript on <paramref name="writer"/>; <paramref name="diffMode"/> leaves out timestamps so two runs compare line by line.</summary>
        public FrameTranscript(TextWriter writer, bool diffMode, TimeProvider? time = null)
        {
            _writer = writer ?? throw new ArgumentNullException(nameof(writer));
            _diffMode = diffMode;
            _time = time ?? TimeProvider.System;
        }

        /// <inheritdoc />
        public void OnFrame(FrameDirection direction, FrameHeader header, byte[] payload, int offset, int count, int wireLength)
        {
            string dir = direction switch
            {
                FrameDirection.Sent => ">",
                FrameDirection.Resent => ">>",
                _ => "<",
            };
            var line = new StringBuilder();
            lock (_gate)
            {
                line.Append(dir).Append(" #").Append(SequenceOf(header.RequestId).ToString(CultureInfo.InvariantCulture))
                    .Append(' ').Append(MessageTypes.Name(header.Type))
                    .Append(Flags(header));
                if (direction == FrameDirection.Resent)
                {
                    line.Append(" (same bytes)");
                }
                else
                {
                    line.Append(" len=").Append(count.ToString(CultureInfo.InvariantCulture));
                    if (count > 0)
                    {
                        line.Append(' ');
                        TraceRedaction.AppendPayload(line, header, payload, offset, count);
                    }
                }
                Write(line.ToString());
            }
        }

        /// <inheritdoc />
        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
            lock (_gate)
            {
                Write("! dropped " + reason + " (" + byteCount.ToString(CultureInfo.InvariantCulture) + " bytes)");
            }
        }

        /// <inheritdoc />
        public void OnLinkEvent(string description)
        {
            lock (_gate)
            {
                Write("~ " + description);
            }
        }

        private int SequenceOf(ushort requestId)
        {
            if (!_sequence.TryGetValue(requestId, out int seq))
            {
                seq = _sequence.Count + 1;
                _sequence[requestId] = seq;
            }
            return seq;
        }

        private static string Flags(FrameHeader header)
        {
            if (!header.IsResponse)
            {
                return "";
            }
            return header.IsAck ? " ACK" : header.IsNack ? " NACK" : header.IsError ? " ERROR" : " RESP";
        }

        private void Write(string line)
        {
            if (!_diffMode)
            {
                _writer.Write(_time.GetUtcNow().ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture));
            }
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
