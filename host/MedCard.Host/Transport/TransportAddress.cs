using System;
using System.Globalization;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// One string names a reader's link in configuration and on command lines: a device path
    /// (<c>/dev/serial/by-id/...</c>, <c>/dev/ttyUSB0</c>, a pty slave) or <c>tcp://host:port</c> for a
    /// ser2net-style bridge or the simulator's TCP mode.
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
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Serial ports on Windows need a System.IO.Ports transport (see the MedCard.Host README); "
                    + "use tcp://host:port or implement IByteTransport.");
            }
            if (!address.StartsWith('/'))
            {
                throw new ArgumentException("'" + address + "' is neither a device path (/dev/...) nor tcp://host:port.", nameof(address));
            }
            return new PosixSerialPort(address, serialSettings);
        }
    }
}
