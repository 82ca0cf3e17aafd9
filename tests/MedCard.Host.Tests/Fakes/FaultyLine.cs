using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;

namespace MedCard.Host.Tests.Fakes
{
    /// <summary>
    /// A noisy line between the host and a real transport, both directions, frame by frame (split at
    /// the 0x00 delimiter): each frame may be dropped, duplicated, or have one bit flipped, and noise
    /// bytes may be inserted between frames. Seeded, so a failing run can be replayed.
    /// </summary>
    internal sealed class FaultyLine : IByteTransport
    {
        private readonly IByteTransport _inner;
        private readonly Random _random;
        private readonly double _drop;
        private readonly double _duplicate;
        private readonly double _corrupt;
        private readonly double _noise;
        private readonly List<byte> _partial = new List<byte>();
        private readonly Queue<byte> _ready = new Queue<byte>();
        private readonly object _gate = new object();

        internal FaultyLine(IByteTransport inner, int seed, double drop, double duplicate, double corrupt, double noise)
        {
            _inner = inner;
            _random = new Random(seed);
            _drop = drop;
            _duplicate = duplicate;
            _corrupt = corrupt;
            _noise = noise;
        }

        internal int Dropped;
        internal int Duplicated;
        internal int Corrupted;
        internal int NoiseBursts;

        public string Name => "faulty(" + _inner.Name + ")";

        public bool IsOpen => _inner.IsOpen;

        public TransportCloseReason CloseReason => _inner.CloseReason;

        public Task OpenAsync(CancellationToken cancellationToken = default) => _inner.OpenAsync(cancellationToken);

        public ValueTask CloseAsync() => _inner.CloseAsync();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            byte[] mangled = Mangle(data.Span);
            if (mangled.Length > 0)
            {
                await _inner.WriteAsync(mangled, cancellationToken);
            }
        }

        public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            byte[] chunk = new byte[512];
            while (true)
            {
                lock (_gate)
                {
                    if (_ready.Count > 0)
                    {
                        int n = Math.Min(buffer.Length, _ready.Count);
                        for (int i = 0; i < n; i++)
                        {
                            buffer.Span[i] = _ready.Dequeue();
                        }
                        return n;
                    }
                }
                int got = await _inner.ReadAsync(chunk, cancellationToken);
                if (got == 0)
                {
                    return 0;
                }
                lock (_gate)
                {
                    for (int i = 0; i < got; i++)
                    {
                        _partial.Add(chunk[i]);
                        if (chunk[i] == 0)
                        {
                            foreach (byte b in Mangle(_partial.ToArray()))
                            {
                                _ready.Enqueue(b);
                            }
                            _partial.Clear();
                        }
                    }
                }
            }
        }

        /// <summary>Applies faults to whole frames found in <paramref name="bytes"/>.</summary>
        private byte[] Mangle(ReadOnlySpan<byte> bytes)
        {
            var output = new List<byte>();
            int start = 0;
            lock (_random)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (bytes[i] != 0)
                    {
                        continue;
                    }
                    byte[] frame = bytes.Slice(start, i - start + 1).ToArray();
                    start = i + 1;
                    if (_random.NextDouble() < _noise)
                    {
                        Interlocked.Increment(ref NoiseBursts);
                        int count = _random.Next(1, 12);
                        for (int k = 0; k < count; k++)
                        {
                            output.Add((byte)_random.Next(256));
                        }
                        output.Add(0);
                    }
                    if (_random.NextDouble() < _drop)
                    {
                        Interlocked.Increment(ref Dropped);
                        continue;
                    }
                    if (_random.NextDouble() < _corrupt && frame.Length > 1)
                    {
                        Interlocked.Increment(ref Corrupted);
                        int at = _random.Next(frame.Length - 1);
                        frame[at] ^= (byte)(1 << _random.Next(8));
                    }
                    output.AddRange(frame);
                    if (_random.NextDouble() < _duplicate)
                    {
                        Interlocked.Increment(ref Duplicated);
                        output.AddRange(frame);
                    }
                }
                for (int i = start; i < bytes.Length; i++)
                {
                    output.Add(bytes[i]);
                }
            }
            return output.ToArray();
        }
    }
}
