using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>
/// The host's real serial port (a <see cref="PosixSerialPort"/> on the simulator's pty slave) with a cable the
/// test can pull: <see cref="PullAsync"/> closes the real port under the link (as when a USB adapter goes
/// away) and reopening fails until <see cref="PlugIn"/>. Reads and writes go straight to the real port.
/// </summary>
internal sealed class PluggablePort : IByteTransport
{
    private readonly PosixSerialPort _port;
    private volatile bool _pulled;
    private int _opens;

    public PluggablePort(string path)
    {
        _port = new PosixSerialPort(path);
    }

    /// <summary>How many times the link opened the real port (1 + reconnects).</summary>
    public int Opens => Volatile.Read(ref _opens);

    public string Name => _port.Name;

    public bool IsOpen => _port.IsOpen;

    /// <summary>A pulled cable looks like a lost device to the link, not like a close it asked for.</summary>
    public TransportCloseReason CloseReason => _pulled && _port.CloseReason == TransportCloseReason.Local ? TransportCloseReason.DeviceLost : _port.CloseReason;

    public async Task PullAsync()
    {
        _pulled = true;
        await _port.CloseAsync();
    }

    public void PlugIn() => _pulled = false;

    public Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_pulled)
        {
            throw new SerialPortException(Name, 2, Name + " is unplugged (test).");
        }

        Interlocked.Increment(ref _opens);
        return _port.OpenAsync(cancellationToken);
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _port.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => _port.WriteAsync(data, cancellationToken);

    public ValueTask CloseAsync() => _port.CloseAsync();

    public ValueTask DisposeAsync() => _port.DisposeAsync();
}
