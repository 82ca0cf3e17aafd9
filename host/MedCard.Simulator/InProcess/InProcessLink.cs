using System;
using System.Collections.Generic;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.InProcess;

/// <summary>
/// The reader's UART as two in-memory byte queues: what the host writes the reader reads on its next tick, what the
/// reader writes waits for the host to take it. No timing: the transport's pump decides when each side runs; the
/// host's writes arrive from another thread, so both queues are guarded.
/// </summary>
internal sealed class InProcessLink : IHostLink
{
    private readonly Queue<byte> _toReader = new();
    private readonly Queue<byte> _toHost = new();

    public int BytesAvailable
    {
        get
        {
            lock (_toReader)
            {
                return _toReader.Count;
            }
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_toReader)
        {
            return ReadLocked(buffer, offset, count);
        }
    }

    private int ReadLocked(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, _toReader.Count);
        for (int i = 0; i < n; i++)
        {
            buffer[offset + i] = _toReader.Dequeue();
        }

        return n;
    }

    public void Write(byte[] data, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _toHost.Enqueue(data[offset + i]);
        }
    }

    /// <summary>The host puts bytes on the line towards the reader.</summary>
    public void HostWrite(byte[] data, int offset, int count)
    {
        lock (_toReader)
        {
            HostWriteLocked(data, offset, count);
        }
    }

    private void HostWriteLocked(byte[] data, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _toReader.Enqueue(data[offset + i]);
        }
    }

    /// <summary>The host takes everything the reader sent so far.</summary>
    public byte[] HostTakeAll()
    {
        byte[] bytes = _toHost.ToArray();
        _toHost.Clear();
        return bytes;
    }
}
