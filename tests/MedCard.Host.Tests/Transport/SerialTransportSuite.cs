using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;
using Xunit;

namespace MedCard.Host.Tests.Transport
{
    /// <summary>
    /// One suite for every serial transport, run against the slave side of a real pseudo-terminal: the
    /// <see cref="PseudoTerminal"/> master plays the reader. Each subclass only says which driver
    /// <see cref="TransportAddress.Create"/> must use, so the factory's choice is exercised too.
    /// </summary>
    public abstract class SerialTransportSuite
    {
        protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        protected abstract SerialDriver Driver { get; }

        protected abstract Type ExpectedType { get; }

        protected IByteTransport OpenPort(string path)
        {
            IByteTransport port = TransportAddress.Create(path, new SerialPortSettings { Driver = Driver });
            Assert.IsType(ExpectedType, port);
            return port;
        }

        [Fact]
        public async Task Open_and_exchange_every_byte_value_both_ways()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using IByteTransport port = OpenPort(pty.SlavePath);
            await port.OpenAsync();
            Assert.True(port.IsOpen);

            // Every byte value, including the ones a cooked tty would translate (CR, LF, ^C, ^D, XON/XOFF, 0x00).
            byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
            await port.WriteAsync(all);
            Assert.Equal(all, await pty.ReadExactlyAsync(all.Length, Timeout));

            byte[] back = all.Reverse().ToArray();
            await pty.WriteAsync(back);
            Assert.Equal(back, await port.ReadExactlyAsync(back.Length, Timeout));
        }

        [Fact]
        public async Task A_large_write_is_delivered_completely_in_order()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using IByteTransport port = OpenPort(pty.SlavePath);
            await port.OpenAsync();

            // Larger than the pty buffer, so the writer must wait for room (EAGAIN path).
            byte[] payload = new byte[64 * 1024];
            new Random(7).NextBytes(payload);
            Task write = port.WriteAsync(payload).AsTask();
            byte[] received = await pty.ReadExactlyAsync(payload.Length, TimeSpan.FromSeconds(20));
            await write;
            Assert.Equal(payload, received);
        }

        [Fact]
        public async Task Close_and_reopen_the_same_object()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            IByteTransport port = OpenPort(pty.SlavePath);
            await port.OpenAsync();
            await port.WriteAsync(new byte[] { 1 });
            Assert.Equal(new byte[] { 1 }, await pty.ReadExactlyAsync(1, Timeout));

            await port.CloseAsync();
            Assert.False(port.IsOpen);
            Assert.Equal(TransportCloseReason.Local, port.CloseReason);
            await Assert.ThrowsAsync<TransportClosedException>(() => port.WriteAsync(new byte[] { 9 }).AsTask());

            await port.OpenAsync();
            Assert.True(port.IsOpen);
            Assert.Equal(TransportCloseReason.None, port.CloseReason);
            await port.WriteAsync(new byte[] { 2 });
            Assert.Equal(new byte[] { 2 }, await pty.ReadExactlyAsync(1, Timeout));
            await pty.WriteAsync(new byte[] { 3, 4 });
            Assert.Equal(new byte[] { 3, 4 }, await port.ReadExactlyAsync(2, Timeout));
            await port.DisposeAsync();
        }

        [Fact]
        public async Task Unplugged_mid_read_ends_the_stream_and_refuses_writes()
        {
            var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using IByteTransport port = OpenPort(pty.SlavePath);
            await port.OpenAsync();
            await pty.WriteAsync(new byte[] { 7, 8 });
            Assert.Equal(new byte[] { 7, 8 }, await port.ReadExactlyAsync(2, Timeout));

            Task<int> pending = port.ReadAsync(new byte[16]).AsTask();
            Assert.False(pending.IsCompleted);
            // Closing the master is what a pty shows the slave when the "cable" goes: hang-up, then EIO.
            await pty.DisposeAsync();

            Assert.Equal(0, await pending.WaitAsync(Timeout));
            Assert.NotEqual(TransportCloseReason.None, port.CloseReason);
            Assert.NotEqual(TransportCloseReason.Local, port.CloseReason);
            Assert.False(port.IsOpen);
            await Assert.ThrowsAsync<TransportClosedException>(() => port.WriteAsync(new byte[] { 9 }).AsTask());
        }

        [Fact]
        public async Task A_second_open_of_a_busy_port_is_refused_clearly_until_the_first_closes()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using IByteTransport first = OpenPort(pty.SlavePath);
            await first.OpenAsync();

            await using IByteTransport second = OpenPort(pty.SlavePath);
            var error = await Assert.ThrowsAsync<SerialPortException>(() => second.OpenAsync());
            Assert.Contains("in use", error.Message, StringComparison.Ordinal);
            Assert.Contains(pty.SlavePath, error.Message, StringComparison.Ordinal);
            Assert.False(second.IsOpen);

            // The refused opener did not disturb the holder.
            await pty.WriteAsync(new byte[] { 5 });
            Assert.Equal(new byte[] { 5 }, await first.ReadExactlyAsync(1, Timeout));

            await first.CloseAsync();
            await second.OpenAsync();
            Assert.True(second.IsOpen);
            await pty.WriteAsync(new byte[] { 6 });
            Assert.Equal(new byte[] { 6 }, await second.ReadExactlyAsync(1, Timeout));
        }

        [Fact]
        public async Task A_second_open_through_a_stable_link_to_a_busy_port_is_refused()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            // What /dev/serial/by-id/... is to /dev/ttyUSB0: another name for the same device.
            string link = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medcard-by-id-" + Guid.NewGuid().ToString("N"));
            System.IO.File.CreateSymbolicLink(link, pty.SlavePath);
            try
            {
                await using IByteTransport first = OpenPort(pty.SlavePath);
                await first.OpenAsync();
                await using IByteTransport second = OpenPort(link);
                var error = await Assert.ThrowsAsync<SerialPortException>(() => second.OpenAsync());
                Assert.Contains("in use", error.Message, StringComparison.Ordinal);
                Assert.False(second.IsOpen);
            }
            finally
            {
                System.IO.File.Delete(link);
            }
        }

        [Fact]
        public async Task A_pending_read_is_cancelled_promptly_and_the_port_stays_usable()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using IByteTransport port = OpenPort(pty.SlavePath);
            await port.OpenAsync();

            using var cts = new CancellationTokenSource();
            Task<int> read = port.ReadAsync(new byte[16], cts.Token).AsTask();
            Assert.False(read.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Timeout));

            await pty.WriteAsync(new byte[] { 5, 6 });
            Assert.Equal(new byte[] { 5, 6 }, await port.ReadExactlyAsync(2, Timeout));
        }

        [Fact]
        public async Task A_local_close_ends_a_pending_read_with_zero()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            IByteTransport port = OpenPort(pty.SlavePath);
            await port.OpenAsync();
            Task<int> read = port.ReadAsync(new byte[16]).AsTask();

            await port.CloseAsync();

            Assert.Equal(0, await read.WaitAsync(Timeout));
            Assert.Equal(TransportCloseReason.Local, port.CloseReason);
        }

        [Fact]
        public async Task A_missing_device_gives_an_error_naming_the_path()
        {
            string path = "/dev/medcard-test-does-not-exist-" + Guid.NewGuid().ToString("N");
            await using IByteTransport port = OpenPort(path);
            var error = await Assert.ThrowsAsync<SerialPortException>(() => port.OpenAsync());
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
            Assert.False(port.IsOpen);
        }
    }

    /// <summary>The suite over the termios transport, Linux's default.</summary>
    public sealed class TermiosSerialTransportTests : SerialTransportSuite
    {
        protected override SerialDriver Driver => SerialDriver.Auto;

        protected override Type ExpectedType => typeof(PosixSerialPort);
    }

    /// <summary>The suite over System.IO.Ports, forced on Linux (Windows' and macOS's transport).</summary>
    public sealed class SystemIOPortsSerialTransportTests : SerialTransportSuite
    {
        protected override SerialDriver Driver => SerialDriver.SystemIOPorts;

        protected override Type ExpectedType => typeof(SystemSerialPort);
    }
}
