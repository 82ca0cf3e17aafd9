using System;
using System.Threading.Tasks;
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
        [InlineData("COM")]
        [InlineData("COM0")]
        [InlineData("COMX")]
        public void Malformed_addresses_are_refused_with_the_accepted_forms(string address)
        {
            var error = Assert.Throws<ArgumentException>(() => TransportAddress.Create(address));
            Assert.Contains("tcp://", error.Message);
        }
    

        [Theory]
        [InlineData("COM3", "COM3")]
        [InlineData("com12", "COM12")]
        [InlineData(@"\\.\COM12", "COM12")]
        public void Com_ports_open_through_System_IO_Ports_on_every_OS(string address, string portName)
        {
            var port = Assert.IsType<SystemSerialPort>(TransportAddress.Create(address, new SerialPortSettings { BaudRate = 57600 }));
            Assert.Equal(address, port.Name);
            Assert.Equal(portName, port.PortName);
            Assert.Equal(57600, port.Settings.BaudRate);
        }

        [Fact]
        public void A_com_port_cannot_be_forced_onto_termios()
        {
            var error = Assert.Throws<ArgumentException>(() => TransportAddress.Create("COM3", new SerialPortSettings { Driver = SerialDriver.Termios }));
            Assert.Contains("System.IO.Ports", error.Message);
        }

        [Fact]
        public void Device_paths_use_termios_except_macOS_serial_nodes_unless_System_IO_Ports_is_forced()
        {
            if (OperatingSystem.IsWindows())
            {
                var error = Assert.Throws<ArgumentException>(() => TransportAddress.Create("/dev/ttyUSB0"));
                Assert.Contains("COM3", error.Message);
                return;
            }
            Assert.IsType<PosixSerialPort>(TransportAddress.Create("/dev/ttyUSB0"));
            Assert.IsType<PosixSerialPort>(TransportAddress.Create("/dev/ttys003"));
            Type macNode = OperatingSystem.IsMacOS() ? typeof(SystemSerialPort) : typeof(PosixSerialPort);
            Assert.IsType(macNode, TransportAddress.Create("/dev/cu.usbserial-0001"));
            Assert.IsType(macNode, TransportAddress.Create("/dev/tty.usbserial-0001"));
            Assert.IsType<SystemSerialPort>(TransportAddress.Create("/dev/ttyUSB0", new SerialPortSettings { Driver = SerialDriver.SystemIOPorts }));
            Assert.IsType<PosixSerialPort>(TransportAddress.Create("/dev/cu.usbserial-0001", new SerialPortSettings { Driver = SerialDriver.Termios }));
        }

        [Theory]
        [InlineData("/dev/cu.usbserial-0001", true)]
        [InlineData("/dev/tty.usbserial-0001", true)]
        [InlineData("/dev/cu.", false)]
        [InlineData("/dev/ttys003", false)]
        [InlineData("/dev/ttyUSB0", false)]
        public void Darwin_serial_device_names(string path, bool expected) =>
            Assert.Equal(expected, SerialPortName.IsDarwinSerialDevice(path));

        [Fact]
        public async Task A_com_port_off_Windows_fails_to_open_with_a_one_line_hint()
        {
            if (OperatingSystem.IsWindows())
            {
                return; // COM3 may well exist there.
            }
            await using IByteTransport port = TransportAddress.Create("COM3");
            var error = await Assert.ThrowsAsync<SerialPortException>(() => port.OpenAsync());
            Assert.Contains("COM3 is a Windows port name", error.Message);
            Assert.Contains("/dev/", error.Message);
            Assert.DoesNotContain("\n", error.Message);
            Assert.False(port.IsOpen);
        }
    }
}
