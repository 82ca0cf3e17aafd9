using System;
using MedCard.Host.Transport;
using Xunit;

namespace MedCard.Host.Tests.Transport
{
    public sealed class TransportAddressTests
    {
        [Theory]
        [InlineData("tcp://127.0.0.1:7000", "tcp://127.0.0.1:7000")]
        [InlineData("TCP://bridge.local:4001", "tcp://bridge.local:4001")]
        [InlineData("tcp://[::1]:7000", "tcp://::1:7000")]
        public void Tcp_addresses_make_tcp_transports(string address, string name)
        {
            IByteTransport t = TransportAddress.Create(address);
            Assert.IsType<TcpTransport>(t);
            Assert.Equal(name, t.Name);
        }

        [Fact]
        public void Device_paths_make_serial_ports_with_the_given_settings()
        {
            var settings = new SerialPortSettings { BaudRate = 9600 };
            var port = Assert.IsType<PosixSerialPort>(TransportAddress.Create("/dev/ttyUSB3", settings));
            Assert.Equal("/dev/ttyUSB3", port.Path);
            Assert.Equal(9600, port.Settings.BaudRate);
        }

        [Theory]
        [InlineData("tcp://host")]
        [InlineData("tcp://:7000")]
        [InlineData("tcp://host:0")]
        [InlineData("tcp://host:70000")]
        [InlineData("tcp://host:12ab")]
        [InlineData("ttyUSB0")]
        public void Malformed_addresses_are_refused_with_the_accepted_forms(string address)
        {
            var error = Assert.Throws<ArgumentException>(() => TransportAddress.Create(address));
            Assert.Contains("tcp://", error.Message);
        }
    }
}
