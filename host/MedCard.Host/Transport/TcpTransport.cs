using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// A raw TCP byte stream, for ser2net-style serial-over-IP bridges (configure the bridge port in
    /// raw mode, not telnet/RFC 2217) and for the simulator's TCP mode. Nagle is off: frames are small
    /// and latency-bound.
    /// </summary>
    public sealed class TcpTransport : IByteTransport
    {
        private readonly string _host;
        private readonly int _port;
        private readonly TimeSpan _connectTimeout;
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private Socket? _socket;
        private CancellationTokenSource? _loopStop;
        private Task? _loop;
        private ReceiveQueue _queue = new ReceiveQueue();
        private volatile TransportCloseReason _closeReason;

        /// <summary>A TCP connection to <paramref name="host"/>:<paramref name="port"/> (a simulator or a serial-to-network bridge), made by OpenAsync.</summary>
        public TcpTransport(string host, int port, TimeSpan? connectTimeout = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(host);
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
            _host = host;
            _port = port;
            _connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(5);
            Name = "tcp://" + host + ":" + port;
        }

        /// <summary>Wraps an already connected socket (the server side of the simulator's TCP mode). It cannot be reopened.</summary>
        public static TcpTransport FromConnectedSocket(Socket socket)
        {
            ArgumentNullException.ThrowIfNull(socket);
            var transport = new TcpTransport("tcp://" + (socket.RemoteEndPoint?.ToString() ?? "accepted"));
            transport.StartLoop(socket);
            return transport;
        }

        private TcpTransport(string name)
        {
            _host = "";
            _connectTimeout = TimeSpan.Zero;
            Name = name;
        }

        /// <inheritdoc />
        public string Name { get; }

        /// <inheritdoc />
        public bool IsOpen => _socket is not null && _closeReason == TransportCloseReason.None;

        /// <inheritdoc />
        public TransportCloseReason CloseReason => _closeReason;

        /// <inheritdoc />
        public async Task OpenAsync(CancellationToken cancellationToken = default)
        {
            if (_socket is not null)
            {
                throw new InvalidOperationException(Name + " is already open.");
            }
            if (_host.Length == 0)
            {
                throw new TransportException(Name + " was accepted from a listener and cannot be reopened from this side.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            // Keep-alive catches a silently dead bridge even between heartbeats on idle links.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_connectTimeout);
            try
            {
                await socket.ConnectAsync(_host, _port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new TransportException("Timed out after " + _connectTimeout.TotalSeconds + " s connecting to " + Name + ". Is the bridge reachable?");
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                string hint = ex.SocketErrorCode == SocketError.ConnectionRefused
                    ? " Nothing listens there: is ser2net (or `medcard sim --tcp`) running, with this port in raw mode?"
                    : "";
                throw new TransportException("Could not connect to " + Name + ": " + ex.Message + "." + hint, ex);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            StartLoop(socket);
        }

        /// <inheritdoc />
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _queue.ReadAsync(buffer, cancellationToken);

        /// <inheritdoc />
        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Socket? socket = _socket;
                if (socket is null || _closeReason != TransportCloseReason.None)
                {
                    throw new TransportClosedException(Name, _closeReason == TransportCloseReason.None ? TransportCloseReason.Local : _closeReason);
                }
                while (!data.IsEmpty)
                {
                    int sent;
                    try
                    {
                        sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    }
                    catch (SocketException)
                    {
                        _closeReason = TransportCloseReason.DeviceLost;
                        throw new TransportClosedException(Name, TransportCloseReason.DeviceLost);
                    }
                    data = data.Slice(sent);
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <inheritdoc />
        public async ValueTask CloseAsync()
        {
            Socket? socket = _socket;
            if (socket is null)
            {
                return;
            }
            if (_closeReason == TransportCloseReason.None)
            {
                _closeReason = TransportCloseReason.Local;
            }
            _loopStop?.Cancel();
            if (_loop is not null)
            {
                await _loop.ConfigureAwait(false);
            }
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                socket.Dispose();
                _socket = null;
                _loopStop?.Dispose();
                _loopStop = null;
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

        private void StartLoop(Socket socket)
        {
            _socket = socket;
            _closeReason = TransportCloseReason.None;
            _queue = new ReceiveQueue();
            _loopStop = new CancellationTokenSource();
            _loop = ReadLoopAsync(socket, _queue, _loopStop.Token);
        }

        private async Task ReadLoopAsync(Socket socket, ReceiveQueue queue, CancellationToken stop)
        {
            await Task.Yield();
            byte[] buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int n = await socket.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                    if (n == 0)
                    {
                        SetEnded(TransportCloseReason.PeerClosed);
                        return;
                    }
                    queue.Post(buffer.AsSpan(0, n));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Local close.
            }
            catch (SocketException)
            {
                SetEnded(TransportCloseReason.DeviceLost);
            }
            catch (ObjectDisposedException)
            {
                SetEnded(TransportCloseReason.Local);
            }
            finally
            {
                queue.Complete();
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
