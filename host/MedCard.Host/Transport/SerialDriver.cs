namespace MedCard.Host.Transport
{
    /// <summary>Which implementation opens a serial device path. <see cref="TransportAddress.Create"/> decides for <see cref="Auto"/>.</summary>
    public enum SerialDriver
    {
        /// <summary>
        /// termios (<see cref="PosixSerialPort"/>) for device paths on Linux and for non-<c>/dev/cu.*</c>, <c>/dev/tty.*</c>
        /// paths on macOS (pty slaves); System.IO.Ports (<see cref="SystemSerialPort"/>) for COM ports and macOS's
        /// <c>/dev/cu.*</c> and <c>/dev/tty.*</c>.
        /// </summary>
        Auto = 0,

        /// <summary>Always <see cref="PosixSerialPort"/> (Linux and macOS only).</summary>
        Termios = 1,

        /// <summary>Always <see cref="SystemSerialPort"/>: on Linux this is for testing it; termios is the better choice there.</summary>
        SystemIOPorts = 2,
    }
}
