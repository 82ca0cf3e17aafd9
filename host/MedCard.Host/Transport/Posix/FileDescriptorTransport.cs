using System;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Transport.Posix
{
    /// <summary>
    /// A byte stream over a non-blocking POSIX file descriptor (tty, pty master). A dedicated thread
    /// loops on poll() with a short timeout and read(), posting chunks to a <see cref="ReceiveQueue"/>;
    /// closing sets a flag the loop sees within one poll interval, then the fd is closed once the
    /// loop has exited, so a recycled fd number is never read by mistake.
    /// </summary>
    public abstract class FileDescriptorTransport : IByteTransport
    {
        /// <summary>How long one poll() may block: bounds how late a close is noticed.</summary>
        private const int PollIntervalMs = 50;

        private readonly object _gate = new object();
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private int _fd = -1;
        private volatile bool _stopRequested;
        private volatile TransportCloseReason _closeReason;
        private ReceiveQueue _queue = new ReceiveQueue();
        private TaskCompletionSource? _loopExited;

        /// <summary>A transport named <paramref name="name"/> (the device path) in logs and errors.</summary>
        protected FileDescriptorTransport(string name)
        {
            Name = name;
        }

        /// <inheritdoc />
        public string Name { get; }

        /// <inheritdoc />
        public bool IsOpen => _fd >= 0 && _closeReason == TransportCloseReason.None;

        /// <inheritdoc />
        public TransportCloseReason CloseReason => _closeReason;

        /// <summary>The errno that ended the stream, when it was an error.</summary>
        public int LastErrno { get; private set; }

        /// <summary>Opens and configures the descriptor. Must return a non-blocking fd or throw.</summary>
        protected abstract int OpenDescriptor();

        /// <summary>Runs just before the fd is closed (restore modem lines, release locks).</summary>
        protected virtual void BeforeCloseDescriptor(int fd)
        {
        }

        /// <summary>How a failed read() errno ends the stream. A pty master reports EIO when the last slave closes.</summary>
        protected virtual TransportCloseReason ClassifyReadError(int errno) => TransportCloseReason.DeviceLost;

        /// <inheritdoc />
        public Task OpenAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_fd >= 0)
                {
                    throw new InvalidOperationException(Name + " is already open.");
                }
                int fd = OpenDescriptor();
                _fd = fd;
                _stopRequested = false;
                _closeReason = TransportCloseReason.None;
                LastErrno = 0;
                _queue = new ReceiveQueue();
                _loopExited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(ReadLoop)
                {
                    IsBackground = true,
                    Name = "MedCard read loop " + Name,
                };
                thread.Start(new LoopState(fd, _queue, _loopExited));
            }
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            return _queue.ReadAsync(buffer, cancellationToken);
        }

        /// <inheritdoc />
        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (!data.IsEmpty)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int fd = _fd;
                    if (fd < 0 || _closeReason != TransportCloseReason.None)
                    {
                        throw new TransportClosedException(Name, _closeReason == TransportCloseReason.None ? TransportCloseReason.Local : _closeReason);
                    }
                    int written = WriteSome(fd, data.Span, out int errno);
                    if (written > 0)
                    {
                        data = data.Slice(written);
                        continue;
                    }
                    if (errno == PosixPlatform.Current.EAgain || errno == PosixPlatform.EIntr)
                    {
                        // Output buffer full (nobody draining a pty, flow control): wait for room
                        // off the caller's thread, in short slices so cancellation stays prompt.
                        await Task.Run(() => WaitWritable(fd), cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    LastErrno = errno;
                    _closeReason = TransportCloseReason.DeviceLost;
                    throw new TransportClosedException(Name, TransportCloseReason.DeviceLost);
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
            int fd;
            Task? exited;
            lock (_gate)
            {
                fd = _fd;
                if (fd < 0)
                {
                    return;
                }
                if (_closeReason == TransportCloseReason.None)
                {
                    _closeReason = TransportCloseReason.Local;
                }
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
                    if (_fd < 0)
                    {
                        return;
                    }
                    try
                    {
                        BeforeCloseDescriptor(fd);
                    }
                    finally
                    {
                        LibC.Close(fd);
                        _fd = -1;
                    }
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            await CloseAsync().ConfigureAwait(false);
            GC.SuppressFinalize(this);
        }

        private static unsafe int WriteSome(int fd, ReadOnlySpan<byte> data, out int errno)
        {
            fixed (byte* p = data)
            {
                nint n = LibC.Write(fd, p, data.Length);
                errno = n < 0 ? LibC.LastErrno : 0;
                return (int)n;
            }
        }

        private static unsafe void WaitWritable(int fd)
        {
            var pfd = new LibC.PollFd { Fd = fd, Events = PosixPlatform.PollOut };
            LibC.Poll(&pfd, 1, PollIntervalMs);
        }

        private sealed record LoopState(int Fd, ReceiveQueue Queue, TaskCompletionSource Exited);

        private unsafe void ReadLoop(object? stateObject)
        {
            var state = (LoopState)stateObject!;
            byte[] buffer = new byte[4096];
            TransportCloseReason ended = TransportCloseReason.None;
            try
            {
                var pfd = new LibC.PollFd { Fd = state.Fd, Events = PosixPlatform.PollIn };
                while (!_stopRequested && ended == TransportCloseReason.None)
                {
                    pfd.Revents = 0;
                    int ready = LibC.Poll(&pfd, 1, PollIntervalMs);
                    if (ready < 0)
                    {
                        int errno = LibC.LastErrno;
                        if (errno != PosixPlatform.EIntr)
                        {
                            LastErrno = errno;
                            ended = TransportCloseReason.DeviceLost;
                        }
                        continue;
                    }
                    if (ready == 0)
                    {
                        continue;
                    }
                    if ((pfd.Revents & PosixPlatform.PollNval) != 0)
                    {
                        ended = TransportCloseReason.DeviceLost;
                        continue;
                    }
                    // POLLHUP/POLLERR: read anyway, so bytes that arrived before the hang-up are
                    // delivered; read() then reports the end (0 or an errno).
                    nint n;
                    fixed (byte* p = buffer)
                    {
                        n = LibC.Read(state.Fd, p, buffer.Length);
                    }
                    if (n > 0)
                    {
                        state.Queue.Post(buffer.AsSpan(0, (int)n));
                    }
                    else if (n == 0)
                    {
                        ended = TransportCloseReason.PeerClosed;
                    }
                    else
                    {
                        int errno = LibC.LastErrno;
                        if (errno == PosixPlatform.Current.EAgain || errno == PosixPlatform.EIntr)
                        {
                            if ((pfd.Revents & PosixPlatform.PollHup) != 0)
                            {
                                ended = TransportCloseReason.PeerClosed;
                            }
                            continue;
                        }
                        LastErrno = errno;
                        ended = ClassifyReadError(errno);
                    }
                }
            }
            finally
            {
                if (ended != TransportCloseReason.None && _closeReason == TransportCloseReason.None)
                {
                    _closeReason = ended;
                }
                state.Queue.Complete();
                state.Exited.TrySetResult();
            }
        }
    }
}
