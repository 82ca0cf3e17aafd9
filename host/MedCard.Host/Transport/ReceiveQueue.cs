using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// Hand-off between a transport's read loop (producer) and the single consumer of ReadAsync.
    /// Waiting on a channel is always cancellable, which is the whole point: the OS read never is.
    /// </summary>
    internal sealed class ReceiveQueue
    {
        private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions
        {
            SingleReader = true,
            SingleWriter = true,
            // Never run the consumer's continuation on the read-loop thread.
            AllowSynchronousContinuations = false,
        });

        private byte[]? _current;
        private int _offset;

        internal void Post(ReadOnlySpan<byte> data)
        {
            if (!data.IsEmpty)
            {
                _chunks.Writer.TryWrite(data.ToArray());
            }
        }

        internal void Complete() => _chunks.Writer.TryComplete();

        internal async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }
            while (_current is null)
            {
                if (_chunks.Reader.TryRead(out byte[]? chunk))
                {
                    _current = chunk;
                    _offset = 0;
                    break;
                }
                if (!await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return 0;
                }
            }
            int copied = 0;
            // Fill from the current chunk and any chunks already queued, without waiting again.
            while (copied < buffer.Length && _current is not null)
            {
                int n = Math.Min(buffer.Length - copied, _current.Length - _offset);
                _current.AsSpan(_offset, n).CopyTo(buffer.Span.Slice(copied));
                copied += n;
                _offset += n;
                if (_offset == _current.Length)
                {
                    _current = _chunks.Reader.TryRead(out byte[]? next) ? next : null;
                    _offset = 0;
                }
            }
            return copied;
        }
    }
}
