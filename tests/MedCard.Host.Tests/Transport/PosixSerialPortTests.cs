using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Transport;
using Xunit;

namespace MedCard.Host.Tests.Transport
{
    /// <summary>PosixSerialPort against the slave side of a real pseudo-terminal.</summary>
    public sealed class PosixSerialPortTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task Bytes_flow_both_ways_unaltered_in_raw_mode()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using var port = new PosixSerialPort(pty.SlavePath);
            await port.OpenAsync();

            // Every byte value, including the ones a cooked tty would translate (CR, LF, ^C, ^D, 0x00).
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
            await using var port = new PosixSerialPort(pty.SlavePath);
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
        public async Task A_second_open_of_the_same_port_is_refused_with_a_clear_message()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using var first = new PosixSerialPort(pty.SlavePath);
            await first.OpenAsync();

            await using var second = new PosixSerialPort(pty.SlavePath);
            var error = await Assert.ThrowsAsync<SerialPortException>(() => second.OpenAsync());
            Assert.Contains("in use", error.Message);
            Assert.False(second.IsOpen);

            // Once the first closes, the port can be taken again.
            await first.CloseAsync();
            await second.OpenAsync();
            Assert.True(second.IsOpen);
        }

        [Fact]
        public async Task Closing_the_master_ends_the_slave_stream()
        {
            var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using var port = new PosixSerialPort(pty.SlavePath);
            await port.OpenAsync();

            await pty.WriteAsync(new byte[] { 1, 2, 3 });
            Assert.Equal(new byte[] { 1, 2, 3 }, await port.ReadExactlyAsync(3, Timeout));
            await pty.DisposeAsync();

            Assert.Equal(0, await port.ReadToEndAsync(Timeout));
            Assert.NotEqual(TransportCloseReason.None, port.CloseReason);
            Assert.NotEqual(TransportCloseReason.Local, port.CloseReason);
            Assert.False(port.IsOpen);
            await Assert.ThrowsAsync<TransportClosedException>(() => port.WriteAsync(new byte[] { 9 }).AsTask());
        }

        [Fact]
        public async Task Closing_the_slave_ends_the_master_stream_once_the_master_detached_its_own_slave()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            var port = new PosixSerialPort(pty.SlavePath);
            await port.OpenAsync();
            pty.DetachSlave();
            await port.WriteAsync(new byte[] { 42 });
            Assert.Equal(new byte[] { 42 }, await pty.ReadExactlyAsync(1, Timeout));

            await port.CloseAsync();

            Assert.Equal(0, await pty.ReadToEndAsync(Timeout));
            Assert.Equal(TransportCloseReason.PeerClosed, pty.CloseReason);
        }

        [Fact]
        public async Task A_master_that_keeps_its_slave_survives_the_host_reopening_the_port()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            var port = new PosixSerialPort(pty.SlavePath);
            await port.OpenAsync();
            await port.WriteAsync(new byte[] { 1 });
            Assert.Equal(new byte[] { 1 }, await pty.ReadExactlyAsync(1, Timeout));
            await port.CloseAsync();

            // Reopen the same object: transports are reusable.
            await port.OpenAsync();
            await port.WriteAsync(new byte[] { 2 });
            Assert.Equal(new byte[] { 2 }, await pty.ReadExactlyAsync(1, Timeout));
            Assert.True(pty.IsOpen);
            await port.DisposeAsync();
        }

        [Fact]
        public async Task A_pending_read_is_cancelled_promptly()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using var port = new PosixSerialPort(pty.SlavePath);
            await port.OpenAsync();

            using var cts = new CancellationTokenSource();
            Task<int> read = port.ReadAsync(new byte[16], cts.Token).AsTask();
            Assert.False(read.IsCompleted);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

            // The port is still usable after a cancelled read.
            await pty.WriteAsync(new byte[] { 5, 6 });
            Assert.Equal(new byte[] { 5, 6 }, await port.ReadExactlyAsync(2, Timeout));
        }

        [Fact]
        public async Task A_local_close_ends_a_pending_read_with_zero()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            var port = new PosixSerialPort(pty.SlavePath);
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
            await using var port = new PosixSerialPort(path);
            var error = await Assert.ThrowsAsync<SerialPortException>(() => port.OpenAsync());
            Assert.Equal(2, error.Errno);
            Assert.Contains(path, error.Message);
            Assert.Contains("does not exist", error.Message);
        }

        [Fact]
        public async Task A_file_that_is_not_a_tty_is_refused()
        {
            string path = Path.GetTempFileName();
            try
            {
                await using var port = new PosixSerialPort(path);
                var error = await Assert.ThrowsAsync<SerialPortException>(() => port.OpenAsync());
                Assert.Contains("not a terminal", error.Message);
                Assert.False(port.IsOpen);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task A_non_standard_baud_rate_is_refused()
        {
            await using var pty = new PseudoTerminal();
            await pty.OpenAsync();
            await using var port = new PosixSerialPort(pty.SlavePath, new SerialPortSettings { BaudRate = 12345 });
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => port.OpenAsync());
        }

        [Fact]
        public void Permission_errors_carry_the_dialout_hint()
        {
            string message = PosixSerialPort.ExplainOpenError("/dev/ttyUSB0", 13);
            Assert.Contains("dialout", message);
            Assert.Contains("/dev/ttyUSB0", message);
        }
    }
}
