using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;

namespace MedCard.Host.Tests.Fakes
{
    /// <summary>
    /// Wraps a real transport and can "unplug" it: the real port is closed underneath (as when a
    /// USB adapter disappears), and while unplugged, reopening fails like a missing device.
    /// </summary>
    internal sealed class UnpluggableTransport : IByteTransport
    {
        private readonly IByteTransport _inner;
        private volatile bool _unplugged;

        internal UnpluggableTransport(IByteTransport inner)
        {
            _inner = inner;
        }

        internal int Opens;

        public string Name => _inner.Name;

        public bool IsOpen => _inner.IsOpen;

        public TransportCloseReason CloseReason => _unplugged && _inner.CloseReason == TransportCloseReason.Local ? TransportCloseReason.DeviceLost : _inner.CloseReason;

        internal async Task UnplugAsync()
        {
            _unplugged = true;
            await _inner.CloseAsync();
        }

        internal void Replug() => _unplugged = false;

        public Task OpenAsync(CancellationToken cancellationToken = default)
        {
            if (_unplugged)
            {
                throw new SerialPortException(Name, 2, "unplugged (test)");
            }
            Interlocked.Increment(ref Opens);
            return _inner.OpenAsync(cancellationToken);
        }

        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => _inner.WriteAsync(data, cancellationToken);

        public ValueTask CloseAsync() => _inner.CloseAsync();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
