using System;
using System.Globalization;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// One string names a reader's link in configuration and on command lines: a device path
    /// (<c>/dev/serial/by-id/...</c>, <c>/dev/ttyUSB0</c>, <c>/dev/cu.usbserial-0001</c>, a pty slave), a Windows
    /// COM port (<c>COM3</c>, <c>\\.\COM12</c>) or <c>tcp://host:port</c> for a ser2net-style bridge or the
    /// simulator's TCP mode.
    /// </summary>
    public static class TransportAddress
    {
        /// <summary>The prefix of a TCP address: tcp://host:port.</summary>
        public const string TcpScheme = "tcp://";

        /// <summary>Creates the (unopened) transport for <paramref name="address"/>. Throws ArgumentException with the accepted forms.</summary>
        public static IByteTransport Create(string address, SerialPortSettings? serialSettings = null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(address);
            if (address.StartsWith(TcpScheme, StringComparison.OrdinalIgnoreCase))
            {
                string hostPort = address.Substring(TcpScheme.Length);
                int colon = hostPort.LastIndexOf(':');
                string host = colon > 0 ? hostPort.Substring(0, colon).Trim('[', ']') : "";
                if (host.Length == 0
                    || !int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                    || port < 1 || port > 65535)
                {
                    throw new ArgumentException("'" + address + "' is not tcp://host:port (e.g. tcp://127.0.0.1:7000).", nameof(address));
                }
                return new TcpTransport(host, port);
            }
            return CreateSerial(address, serialSettings ?? SerialPortSettings.Default);
        }

        /// <summary>
        /// The one decision about which serial implementation opens a port name. COM ports (<c>COM3</c>, <c>\\.\COM12</c>)
        /// and macOS's <c>/dev/cu.*</c> and <c>/dev/tty.*</c> go to System.IO.Ports; other device paths to termios, which on
        /// Linux (and for macOS pty slaves) is better: flock + TIOCEXCL, DTR/RTS in one ioctl at open, prompt close.
        /// <see cref="SerialPortSettings.Driver"/> overrides the choice (to test System.IO.Ports on Linux).
        /// </summary>
        private static IByteTransport CreateSerial(string address, SerialPortSettings settings)
        {
            bool com = SerialPortName.IsComPort(address);
            if (!com && !SerialPortName.IsDevicePath(address))
            {
                throw new ArgumentException("'" + address + "' is neither a device path (/dev/...) nor a COM port (COM3) nor tcp://host:port.", nameof(address));
            }
            if (com && settings.Driver == SerialDriver.Termios)
            {
                throw new ArgumentException("'" + address + "' is a Windows COM port: it opens through System.IO.Ports, not termios.", nameof(address));
            }
            if (!com && OperatingSystem.IsWindows())
            {
                throw new ArgumentException("'" + address + "' is a Unix device path; on Windows give COM3 (or \\\\.\\COM12) or tcp://host:port.", nameof(address));
            }
            bool systemPorts = com
                || settings.Driver == SerialDriver.SystemIOPorts
                || (settings.Driver == SerialDriver.Auto && OperatingSystem.IsMacOS() && SerialPortName.IsDarwinSerialDevice(address));
            return systemPorts ? new SystemSerialPort(address, settings) : new PosixSerialPort(address, settings);
        }
    }
}
