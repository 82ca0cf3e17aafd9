using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;
using MedCard.Protocol;

namespace MedCard.Host.Tests.Fakes
{
    /// <summary>
    /// A scripted reader on the master side of a real pseudo-terminal: decodes every frame the host
    /// sends (recording header and exact wire bytes) and answers through <see cref="Respond"/>.
    /// Answers Hello with Capabilities by default.
    /// </summary>
    internal sealed class FakeReader : IFrameHandler, IAsyncDisposable
    {
        private readonly PseudoTerminal _pty = new PseudoTerminal();
        private readonly FrameDecoder _decoder;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<byte> _currentWire = new List<byte>();
        private readonly byte[] _out = new byte[FrameFormat.MaxEncodedFrameSize];
        private readonly byte[] _scratch = new byte[FrameFormat.MaxPayloadSize];
        private Task? _loop;

        internal FakeReader()
        {
            _decoder = new FrameDecoder(this);
        }

        internal string DevicePath => _pty.SlavePath;

        internal uint ReaderId { get; set; } = 7001;

        /// <summary>What the reader announces in its Capabilities answer to Hello.</summary>
        internal CapabilityFlags Flags { get; set; }

        /// <summary>Decides the answer to a request; return null to stay silent.</summary>
        internal Func<FrameHeader, byte[], IEnumerable<byte[]>?> Respond { get; set; } = (_, _) => null;

        /// <summary>When false, the reader ignores everything (a hung reader on an open port).</summary>
        internal volatile bool Answering = true;

        internal ConcurrentQueue<(FrameHeader Header, byte[] Payload, byte[] Wire)> Received { get; } = new ConcurrentQueue<(FrameHeader, byte[], byte[])>();

        internal int HelloCount;

        internal async Task StartAsync()
        {
            await _pty.OpenAsync();
            _loop = Task.Run(LoopAsync);
        }

        internal Task SendRawAsync(byte[] bytes) => _pty.WriteAsync(bytes).AsTask();

        internal byte[] Frame(FrameHeader header, IMessage? message)
        {
            int payloadLength = message is null ? 0 : message.Encode(_scratch, 0);
            int n = FrameEncoder.Encode(header, _scratch, 0, payloadLength, _out, 0);
            return _out.AsSpan(0, n).ToArray();
        }

        internal byte[] Response(FrameHeader request, IMessage message) =>
            Frame(new FrameHeader(message.Type, request.RequestId, FrameFlags.Response), message);

        internal byte[] Ack(FrameHeader request)
        {
            int n = FrameEncoder.EncodeAck(request, _out, 0);
            return _out.AsSpan(0, n).ToArray();
        }

        internal byte[] Nack(FrameHeader request, NackReason reason)
        {
            int n = FrameEncoder.EncodeNack(request, reason, _out, 0);
            return _out.AsSpan(0, n).ToArray();
        }

        internal byte[] Error(FrameHeader request, ErrorCode code)
        {
            int n = FrameEncoder.EncodeError(request, code, _out, 0);
            return _out.AsSpan(0, n).ToArray();
        }

        internal Capabilities Capabilities() => new Capabilities
        {
            FirmwareMajor = 1,
            FirmwareMinor = 2,
            FirmwarePatch = 3,
            ReaderId = ReaderId,
            Flags = Flags,
            BoardName = "fake-reader",
        };

        public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
        {
            byte[] payload = frame.AsSpan(payloadOffset, payloadLength).ToArray();
            Received.Enqueue((header, payload, _currentWire.ToArray()));
            if (!Answering)
            {
                return;
            }
            IEnumerable<byte[]>? answers = Respond(header, payload);
            if (answers is null && header.Type == MessageType.Hello && !header.IsResponse)
            {
                Interlocked.Increment(ref HelloCount);
                answers = new[] { Response(header, Capabilities()) };
            }
            if (answers is null)
            {
                return;
            }
            foreach (byte[] answer in answers)
            {
                _pty.WriteAsync(answer).AsTask().GetAwaiter().GetResult();
            }
        }

        public void OnFrameDropped(FrameDropReason reason, int byteCount)
        {
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            if (_loop is not null)
            {
                try
                {
                    await _loop;
                }
                catch (OperationCanceledException)
                {
                }
            }
            await _pty.DisposeAsync();
        }

        private async Task LoopAsync()
        {
            byte[] buffer = new byte[512];
            while (true)
            {
                int n = await _pty.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    return;
                }
                // Feed byte by byte so the exact wire bytes of each frame can be recorded.
                for (int i = 0; i < n; i++)
                {
                    _currentWire.Add(buffer[i]);
                    _decoder.FeedByte(buffer[i]);
                    if (buffer[i] == 0)
                    {
                        _currentWire.Clear();
                    }
                }
            }
        }
    }
}
