using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;
using Xunit;

namespace MedCard.Host.Tests.Transport
{
    /// <summary>TcpTransport against a real loopback listener.</summary>
    public sealed class TcpTransportTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task Bytes_flow_both_ways_and_a_server_close_ends_the_stream()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;

            await using var client = new TcpTransport("127.0.0.1", port);
            Task<Socket> accept = listener.AcceptSocketAsync();
            await client.OpenAsync();
            await using var server = TcpTransport.FromConnectedSocket(await accept.WaitAsync(Timeout));

            await client.WriteAsync(new byte[] { 0, 1, 2, 0xFF });
            Assert.Equal(new byte[] { 0, 1, 2, 0xFF }, await server.ReadExactlyAsync(4, Timeout));
            await server.WriteAsync(new byte[] { 9, 8 });
            Assert.Equal(new byte[] { 9, 8 }, await client.ReadExactlyAsync(2, Timeout));

            await server.CloseAsync();
            Assert.Equal(0, await client.ReadToEndAsync(Timeout));
            Assert.Equal(TransportCloseReason.PeerClosed, client.CloseReason);
        }

        [Fact]
        public async Task A_refused_connection_explains_what_to_check()
        {
            // Bind then release a port so nothing listens there.
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            await using var client = new TcpTransport("127.0.0.1", port);
            var error = await Assert.ThrowsAsync<TransportException>(() => client.OpenAsync());
            Assert.Contains("127.0.0.1:" + port, error.Message);
            Assert.Contains("raw mode", error.Message);
        }

        [Fact]
        public async Task A_pending_read_is_cancellable()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            await using var client = new TcpTransport("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
            await client.OpenAsync();
            using Socket accepted = await listener.AcceptSocketAsync();

            using var cts = new CancellationTokenSource();
            Task<int> read = client.ReadAsync(new byte[8], cts.Token).AsTask();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
            Assert.True(client.IsOpen);
        }
    }
}
