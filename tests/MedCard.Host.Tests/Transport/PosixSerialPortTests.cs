using System;
using System.IO;
using System.Threading.Tasks;
using MedCard.Host.Transport;
using Xunit;

namespace MedCard.Host.Tests.Transport
{
    /// <summary>
    /// What only the termios transport does, against the slave side of a real pseudo-terminal. What every serial
    /// transport does is in <see cref="SerialTransportSuite"/>.
    /// </summary>
    public sealed class PosixSerialPortTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

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
