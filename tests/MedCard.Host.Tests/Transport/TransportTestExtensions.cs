using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;

namespace MedCard.Host.Tests.Transport
{
    internal static class TransportTestExtensions
    {
        /// <summary>Reads until exactly <paramref name="count"/> bytes arrived or the stream ended.</summary>
        internal static async Task<byte[]> ReadExactlyAsync(this IByteTransport transport, int count, TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            byte[] result = new byte[count];
            int got = 0;
            while (got < count)
            {
                int n = await transport.ReadAsync(result.AsMemory(got), cts.Token);
                if (n == 0)
                {
                    throw new InvalidOperationException("Stream ended after " + got + " of " + count + " bytes (" + transport.CloseReason + ").");
                }
                got += n;
            }
            return result;
        }

        /// <summary>Reads and discards until the stream ends; returns how many bytes were discarded.</summary>
        internal static async Task<int> ReadToEndAsync(this IByteTransport transport, TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            byte[] buffer = new byte[256];
            int total = 0;
            int n;
            while ((n = await transport.ReadAsync(buffer, cts.Token)) > 0)
            {
                total += n;
            }
            return total;
        }
    }
}
