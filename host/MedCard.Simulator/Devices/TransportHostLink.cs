using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Firmware.Hardware;
using MedCard.Host.Transport;

namespace MedCard.Simulator.Devices
{
    /// <summary>
    /// The firmware's polled serial port (<see cref="IHostLink"/>) over a host transport: a pump copies
    /// received bytes into a buffer the core polls, and writes are queued to a writer task, so the
    /// core's Tick never blocks, as on the device.
    /// </summary>
    public sealed class TransportHostLink : IHostLink, IAsyncDisposable
    {
        private readonly IByteTransport _transport;
        private readonly Queue<byte> _received = new Queue<byte>();
        private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _reader;
        private readonly Task _writer;

        public TransportHostLink(IByteTransport transport)
        {
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _reader = Task.Run(ReadLoopAsync);
            _writer = Task.Run(WriteLoopAsync);
        }

        /// <summary>Bytes written by the core so far (the reader-to-host direction).</summary>
        public long BytesWritten => Interlocked.Read(ref _bytesWritten);

        private long _bytesWritten;

        public int BytesAvailable
        {
            get
            {
                lock (_received)
                {
                    return _received.Count;
                }
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            lock (_received)
            {
                int n = Math.Min(count, _received.Count);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _received.Dequeue();
                }
                return n;
            }
        }

        public void Write(byte[] data, int offset, int count)
        {
            Interlocked.Add(ref _bytesWritten, count);
            _outgoing.Writer.TryWrite(data.AsSpan(offset, count).ToArray());
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _outgoing.Writer.TryComplete();
            await Task.WhenAll(Quietly(_reader), Quietly(_writer)).ConfigureAwait(false);
            _stop.Dispose();
        }

        private async Task ReadLoopAsync()
        {
            byte[] buffer = new byte[1024];
            while (!_stop.IsCancellationRequested)
            {
                int n = await _transport.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }
                lock (_received)
                {
                    for (int i = 0; i < n; i++)
                    {
                        _received.Enqueue(buffer[i]);
                    }
                }
            }
        }

        private async Task WriteLoopAsync()
        {
            await foreach (byte[] chunk in _outgoing.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await _transport.WriteAsync(chunk, _stop.Token).ConfigureAwait(false);
                }
                catch (TransportClosedException)
                {
                    // Nobody listening: bytes on a dead line are lost, as on a real UART.
                }
            }
        }

        private static async Task Quietly(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
