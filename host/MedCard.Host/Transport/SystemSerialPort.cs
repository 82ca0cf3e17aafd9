using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Ports;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// A serial port through System.IO.Ports: COM ports on Windows, /dev/cu.* and /dev/tty.* on macOS, and on
    /// Linux when forced (<see cref="SerialDriver.SystemIOPorts"/>; <see cref="PosixSerialPort"/> is better there,
    /// see the README). Raw 8N1, no flow control, DTR/RTS as <see cref="SerialPortSettings"/> say. Same shape as
    /// the other transports: a dedicated thread reads with a short timeout and posts chunks to a
    /// <see cref="ReceiveQueue"/>, so <see cref="ReadAsync"/> is cancellable although SerialPort.Read is not.
    /// </summary>
    public sealed class SystemSerialPort : IByteTransport
    {
        /// <summary>How long one SerialPort.Read may block: bounds how late a close is noticed.</summary>
        private const int ReadSliceMs = 50;

        /// <summary>
        /// Ports this process holds through this class, by normalised name. Windows refuses a second opener by
        /// itself; on Unix System.IO.Ports takes only TIOCEXCL, which root ignores, so without this table a second
        /// ReaderClient in the same process could share the port silently.
        /// </summary>
        private static readonly ConcurrentDictionary<string, SystemSerialPort> HeldInProcess = new ConcurrentDictionary<string, SystemSerialPort>(
            OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        private readonly object _gate = new object();
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private readonly SerialPortSettings _settings;
        private SerialPort? _port;
        private volatile bool _stopRequested;
        private volatile TransportCloseReason _closeReason;
        private ReceiveQueue _queue = new ReceiveQueue();
        private TaskCompletionSource? _loopExited;
        private string _heldKey = "";

        /// <summary>A port by its system name (<c>COM3</c>, <c>/dev/cu.usbserial-0001</c>); nothing is opened until <see cref="OpenAsync"/>.</summary>
        public SystemSerialPort(string portName, SerialPortSettings? settings = null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(portName);
            Name = portName;
            PortName = SerialPortName.Normalise(portName);
            _settings = settings ?? SerialPortSettings.Default;
        }

        /// <inheritdoc/>
        public string Name { get; }

        /// <summary>The name handed to System.IO.Ports: <c>\\.\COM12</c> becomes <c>COM12</c> (it adds the prefix itself).</summary>
        public string PortName { get; }

        /// <summary>The line settings the port is opened with.</summary>
        public SerialPortSettings Settings => _settings;

        /// <inheritdoc/>
        public bool IsOpen => _port is not null && _closeReason == TransportCloseReason.None;

        /// <inheritdoc/>
        public TransportCloseReason CloseReason => _closeReason;

        /// <inheritdoc/>
        public Task OpenAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_port is not null)
                {
                    throw new InvalidOperationException(Name + " is already open.");
                }
                if (!OperatingSystem.IsWindows() && SerialPortName.IsComPort(PortName))
                {
                    throw new SerialPortException(Name, 0, Name + " is a Windows port name; on this system serial ports are device paths "
                        + "(/dev/ttyUSB0, /dev/cu.usbserial-0001). List them with SerialPortEnumerator.List() (`medcard ports`).");
                }
                string heldKey = DeviceKey();
                if (!HeldInProcess.TryAdd(heldKey, this))
                {
                    throw new SerialPortException(Name, 0, Name + " is already in use by another MedCard connection in this process. "
                        + "Close it (one ReaderClient per port) and retry.");
                }
                SerialPort port;
                try
                {
                    port = OpenPort();
                }
                catch
                {
                    HeldInProcess.TryRemove(heldKey, out _);
                    throw;
                }
                _heldKey = heldKey;
                _port = port;
                _stopRequested = false;
                _closeReason = TransportCloseReason.None;
                _queue = new ReceiveQueue();
                _loopExited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(ReadLoop)
                {
                    IsBackground = true,
                    Name = "MedCard read loop " + Name,
                };
                thread.Start(new LoopState(port, _queue, _loopExited));
            }
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _queue.ReadAsync(buffer, cancellationToken);

        /// <inheritdoc/>
        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                SerialPort? port = _port;
                if (port is null || _closeReason != TransportCloseReason.None)
                {
                    throw new TransportClosedException(Name, _closeReason == TransportCloseReason.None ? TransportCloseReason.Local : _closeReason);
                }
                try
                {
                    await port.BaseStream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or ObjectDisposedException)
                {
                    SetEnded(TransportCloseReason.DeviceLost);
                    throw new TransportClosedException(Name, _closeReason);
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <inheritdoc/>
        public async ValueTask CloseAsync()
        {
            SerialPort? port;
            Task? exited;
            lock (_gate)
            {
                port = _port;
                if (port is null)
                {
                    return;
                }
                SetEnded(TransportCloseReason.Local);
                _stopRequested = true;
                exited = _loopExited?.Task;
            }
            if (exited is not null)
            {
                await exited.ConfigureAwait(false);
            }
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                lock (_gate)
                {
                    if (_port is null)
                    {
                        return;
                    }
                    try
                    {
                        ApplyLines(port, _settings.LinesAtClose);
                        port.Dispose();
                    }
                    catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
                    {
                        // The device is already gone (unplugged): there is nothing left to restore or release.
                    }
                    finally
                    {
                        _port = null;
                        HeldInProcess.TryRemove(_heldKey, out _);
                    }
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

        private SerialPort OpenPort()
        {
            var port = new SerialPort(PortName, _settings.BaudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadTimeout = ReadSliceMs,
                WriteTimeout = 5000,
            };
            // SerialPort applies DtrEnable and RtsEnable at Open, one line after the other (not in one ioctl as the
            // termios transport does): with both de-asserted or both asserted the ESP32 auto-reset stays idle anyway.
            if (_settings.LinesAtOpen != ModemLineState.Unchanged)
            {
                port.DtrEnable = _settings.LinesAtOpen == ModemLineState.BothAsserted;
                port.RtsEnable = _settings.LinesAtOpen == ModemLineState.BothAsserted;
            }
            try
            {
                port.Open();
                if (_settings.FlushOnOpen)
                {
                    port.DiscardInBuffer();
                }
                return port;
            }
            catch (Exception e)
            {
                port.Dispose();
                throw Explain(e);
            }
        }

        private Exception Explain(Exception e) => e switch
        {
            // On Unix System.IO.Ports reports every failed open() as "access denied" (the errno is lost), so a
            // missing device is recognised here by looking for it.
            UnauthorizedAccessException or FileNotFoundException when !OperatingSystem.IsWindows() && !File.Exists(PortName) => Missing(),
            UnauthorizedAccessException => new SerialPortException(Name, 0, OperatingSystem.IsWindows()
                ? Name + " is already in use by another program (access denied): close the other user (a serial monitor, another MedCard connection) and retry."
                : "Access to " + Name + " was denied: it is in use by another program, or your user may not open it (on Linux join the `dialout` group)."),
            FileNotFoundException => Missing(),
            ArgumentOutOfRangeException => new SerialPortException(Name, 0, "Serial port " + Name + " refused the line settings ("
                + _settings.BaudRate + " baud 8N1): " + e.Message),
            ArgumentException => new SerialPortException(Name, 0, "'" + Name + "' is not a serial port name System.IO.Ports accepts: " + e.Message),
            IOException => new SerialPortException(Name, 0, "Could not open serial port " + Name + ": " + e.Message),
            _ => e,
        };

        /// <summary>The device behind the name: /dev/serial/by-id/... and the /dev/ttyUSB0 it links to are one port.</summary>
        private string DeviceKey()
        {
            if (OperatingSystem.IsWindows())
            {
                return PortName;
            }
            try
            {
                return new FileInfo(PortName).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? PortName;
            }
            catch (IOException)
            {
                return PortName;
            }
        }

        private SerialPortException Missing() => new SerialPortException(Name, 0, "Serial port " + Name + " does not exist. Is the reader plugged in? "
            + "List ports with SerialPortEnumerator.List() (`medcard ports`).");

        private static void ApplyLines(SerialPort port, ModemLineState lines)
        {
            if (lines == ModemLineState.Unchanged || !port.IsOpen)
            {
                return;
            }
            bool on = lines == ModemLineState.BothAsserted;
            port.DtrEnable = on;
            port.RtsEnable = on;
        }

        private sealed record LoopState(SerialPort Port, ReceiveQueue Queue, TaskCompletionSource Exited);

        private void ReadLoop(object? stateObject)
        {
            var state = (LoopState)stateObject!;
            byte[] buffer = new byte[4096];
            try
            {
                while (!_stopRequested)
                {
                    int n;
                    try
                    {
                        n = state.Port.Read(buffer, 0, buffer.Length);
                    }
                    catch (TimeoutException)
                    {
                        // On Unix System.IO.Ports' own I/O loop can stop at a hang-up that arrives while no read is
                        // queued, and later reads then only time out. The device node going away (USB unplug; a pty
                        // slave whose master closed) is the signal that survives that.
                        if (!OperatingSystem.IsWindows() && !File.Exists(PortName))
                        {
                            SetEnded(TransportCloseReason.DeviceLost);
                            return;
                        }
                        continue;
                    }
                    catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or UnauthorizedAccessException)
                    {
                        // An unplugged USB adapter, a pty whose master closed, a handle the OS invalidated.
                        SetEnded(TransportCloseReason.DeviceLost);
                        return;
                    }
                    if (n > 0)
                    {
                        state.Queue.Post(buffer.AsSpan(0, n));
                    }
                }
            }
            finally
            {
                state.Queue.Complete();
                state.Exited.TrySetResult();
            }
        }

        private void SetEnded(TransportCloseReason reason)
        {
            if (_closeReason == TransportCloseReason.None)
            {
                _closeReason = reason;
            }
        }
    }
}
