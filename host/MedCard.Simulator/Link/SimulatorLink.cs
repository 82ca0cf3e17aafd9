using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MedCard.Firmware.Hardware;
using MedCard.Host.Transport;

namespace MedCard.Simulator.Link;

/// <summary>
/// The reader's UART as the firmware core sees it (<see cref="IHostLink"/>: polled, never blocking), over
/// whatever host connection is attached (the pty master, or the current TCP client). A read pump moves
/// received bytes into a queue where each byte becomes readable only once the <see cref="WireModel"/> says
/// it has crossed the wire; a write pump sends the reader's frames, paced the same way. Faults from a
/// <see cref="LineFaultPlan"/> are applied per frame in both directions. Bytes sent while no host is
/// attached are lost, as on a real line.
/// </summary>
internal sealed class SimulatorLink : IHostLink, IAsyncDisposable
{
    private readonly WireModel _wire;
    private readonly FrameFaultFilter? _inFilter;
    private readonly FrameFaultFilter? _outFilter;
    private readonly Action _wake;
    private readonly object _rxGate = new();
    private readonly Queue<Segment> _rx = new();
    private readonly Channel<byte[]> _tx = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly ArrayBufferWriter<byte> _inScratch = new(256);
    private readonly ArrayBufferWriter<byte> _outScratch = new(256);
    private readonly Task _writePump;
    private IByteTransport? _current;
    private long _rxWireClock;
    private long _txWireClock;
    private long _bytesFromHost;
    private long _bytesToHost;
    private long _bytesLost;

    public SimulatorLink(WireModel wire, LineFaultPlan? faults, Action wake)
    {
        _wire = wire;
        _wake = wake;
        if (faults is not null)
        {
            _inFilter = new FrameFaultFilter(faults, LinkDirection.HostToReader);
            _outFilter = new FrameFaultFilter(faults, LinkDirection.ReaderToHost);
        }

        _writePump = Task.Run(WritePumpAsync);
    }

    /// <summary>Bytes the reader received (after faults).</summary>
    public long BytesFromHost => Interlocked.Read(ref _bytesFromHost);

    /// <summary>Bytes the reader put on the wire (after faults), counted when written by the core.</summary>
    public long BytesToHost => Interlocked.Read(ref _bytesToHost);

    /// <summary>Bytes the reader sent while no host was attached, or that the transport refused.</summary>
    public long BytesLost => Interlocked.Read(ref _bytesLost);

    /// <summary>True while a host connection is attached.</summary>
    public bool HasHost => Volatile.Read(ref _current) is not null;

    /// <summary>Make <paramref name="transport"/> (already open) the host connection and start reading it.</summary>
    public void Attach(IByteTransport transport)
    {
        Volatile.Write(ref _current, transport);
        _ = Task.Run(() => ReadPumpAsync(transport));
    }

    public int BytesAvailable
    {
        get
        {
            long now = Stopwatch.GetTimestamp();
            int total = 0;
            lock (_rxGate)
            {
                foreach (Segment segment in _rx)
                {
                    int ready = segment.Ready(now, _wire.TicksPerByte);
                    total += ready;
                    if (ready < segment.Remaining)
                    {
                        break; // later segments cannot be ahead of this one on the wire
                    }
                }
            }

            return total;
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        long now = Stopwatch.GetTimestamp();
        int copied = 0;
        lock (_rxGate)
        {
            while (copied < count && _rx.Count > 0)
            {
                Segment segment = _rx.Peek();
                int ready = Math.Min(segment.Ready(now, _wire.TicksPerByte), count - copied);
                if (ready <= 0)
                {
                    break;
                }

                Array.Copy(segment.Data, segment.Consumed, buffer, offset + copied, ready);
                segment.Consumed += ready;
                copied += ready;
                if (segment.Remaining == 0)
                {
                    _rx.Dequeue();
                }
                else
                {
                    break;
                }
            }
        }

        return copied;
    }

    public void Write(byte[] data, int offset, int count)
    {
        byte[] chunk;
        if (_outFilter is null)
        {
            chunk = data.AsSpan(offset, count).ToArray();
        }
        else
        {
            _outScratch.Clear();
            _outFilter.Process(data.AsSpan(offset, count), _outScratch);
            if (_outScratch.WrittenCount == 0)
            {
                return;
            }

            chunk = _outScratch.WrittenSpan.ToArray();
        }

        Interlocked.Add(ref _bytesToHost, chunk.Length);
        _tx.Writer.TryWrite(chunk);
    }

    /// <summary>Stopwatch timestamp at which every byte received so far is readable, or 0 when nothing is in flight.</summary>
    public long AllReadyAt()
    {
        lock (_rxGate)
        {
            return _rx.Count == 0 || !_wire.IsPaced ? 0 : _rxWireClock;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _tx.Writer.TryComplete();
        _stop.Cancel();
        try
        {
            await _writePump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadPumpAsync(IByteTransport transport)
    {
        byte[] buffer = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int n = await transport.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                Receive(buffer.AsSpan(0, n));
                _wake();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (TransportException)
        {
        }
        finally
        {
            Interlocked.CompareExchange(ref _current, null, transport);
        }
    }

    private void Receive(ReadOnlySpan<byte> bytes)
    {
        if (_inFilter is not null)
        {
            _inScratch.Clear();
            _inFilter.Process(bytes, _inScratch);
            bytes = _inScratch.WrittenSpan;
        }

        if (bytes.IsEmpty)
        {
            return;
        }

        Interlocked.Add(ref _bytesFromHost, bytes.Length);
        long now = Stopwatch.GetTimestamp();
        lock (_rxGate)
        {
            // The host's UART starts sending when the bytes were written, or when it finished the previous ones.
            long start = Math.Max(_rxWireClock, now);
            var segment = new Segment(bytes.ToArray(), start);
            _rxWireClock = start + (long)(bytes.Length * _wire.TicksPerByte);
            _rx.Enqueue(segment);
        }
    }

    private async Task WritePumpAsync()
    {
        CancellationToken ct = _stop.Token;
        await foreach (byte[] chunk in _tx.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (_wire.IsPaced)
            {
                // The host sees the frame complete when its last byte has crossed the wire.
                _txWireClock = Math.Max(_txWireClock, Stopwatch.GetTimestamp()) + (long)(chunk.Length * _wire.TicksPerByte);
                await PreciseWait.UntilAsync(_txWireClock, ct).ConfigureAwait(false);
            }

            IByteTransport? host = Volatile.Read(ref _current);
            if (host is null)
            {
                Interlocked.Add(ref _bytesLost, chunk.Length);
                continue;
            }

            try
            {
                await host.WriteAsync(chunk, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TransportException or System.IO.IOException)
            {
                Interlocked.Add(ref _bytesLost, chunk.Length);
            }
        }
    }

    /// <summary>Received bytes: byte i crosses the wire at FirstByteStart + (i+1) byte times.</summary>
    private sealed class Segment(byte[] data, long start)
    {
        public byte[] Data { get; } = data;

        public long Start { get; } = start;

        public int Consumed { get; set; }

        public int Remaining => Data.Length - Consumed;

        public int Ready(long now, double ticksPerByte)
        {
            if (ticksPerByte <= 0)
            {
                return Remaining;
            }

            long arrived = (long)((now - Start) / ticksPerByte);
            return (int)Math.Clamp(Math.Min(arrived, Data.Length) - Consumed, 0, Remaining);
        }
    }
}
