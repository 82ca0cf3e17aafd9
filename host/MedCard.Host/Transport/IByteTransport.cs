using System;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// The connector layer: owns one byte stream to a reader (serial port, pseudo-terminal, TCP
    /// bridge). Implementations run a dedicated read loop that never depends on cancelling a
    /// blocked OS read, so <see cref="ReadAsync"/> honours its token promptly on every platform.
    /// </summary>
    /// <remarks>
    /// One reader and one writer at a time: the protocol layer has a single receive pump and
    /// serialises its writes. Implementations are reusable: Open → Close → Open again.
    /// </remarks>
    public interface IByteTransport : IAsyncDisposable
    {
        /// <summary>A human-readable endpoint for logs: "/dev/ttyUSB0", "tcp://10.0.0.5:4001".</summary>
        string Name { get; }

        /// <summary>True between a successful <see cref="OpenAsync"/> and the close (either side).</summary>
        bool IsOpen { get; }

        /// <summary>Why the stream ended; <see cref="TransportCloseReason.None"/> while open.</summary>
        TransportCloseReason CloseReason { get; }

        /// <summary>Opens the endpoint and starts the read loop. Throws <see cref="TransportException"/> with an actionable message.</summary>
        Task OpenAsync(CancellationToken cancellationToken = default);

        /// <summary>
        /// Waits for at least one byte and copies what has arrived into <paramref name="buffer"/>.
        /// Returns 0 once the stream has ended (closed here, by the peer, or the device went away);
        /// <see cref="CloseReason"/> then says which.
        /// </summary>
        ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

        /// <summary>Writes all of <paramref name="data"/>. Throws <see cref="TransportClosedException"/> if the stream has ended.</summary>
        ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

        /// <summary>Stops the read loop, restores modem lines where applicable, releases the endpoint. Idempotent.</summary>
        ValueTask CloseAsync();
    }
}
