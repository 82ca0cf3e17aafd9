namespace MedCard.Host.Transport
{
    /// <summary>How a serial transport (<see cref="PosixSerialPort"/>, <see cref="SystemSerialPort"/>) configures the line. Always raw 8N1, no flow control.</summary>
    public sealed record SerialPortSettings
    {
        /// <summary>115200 is the reader firmware's default.</summary>
        public int BaudRate { get; init; } = 115200;

        /// <summary>
        /// DTR/RTS right after open. ESP32 dev boards wire DTR/RTS through two transistors to EN and
        /// IO0; a reset happens only when exactly one of the two is asserted, so both de-asserted
        /// (the default) keeps the chip running.
        /// </summary>
        public ModemLineState LinesAtOpen { get; init; } = ModemLineState.BothDeasserted;

        /// <summary>DTR/RTS set just before close, for the same reason.</summary>
        public ModemLineState LinesAtClose { get; init; } = ModemLineState.BothDeasserted;

        /// <summary>
        /// Refuse a second opener (TIOCEXCL for other openers of the tty, plus flock so that even
        /// root, which TIOCEXCL does not stop, gets a clear "in use" error from this library).
        /// <see cref="SystemSerialPort"/> is always exclusive as far as System.IO.Ports allows (see the README).
        /// </summary>
        public bool Exclusive { get; init; } = true;

        /// <summary>Drop unread input left over from before the open (stale boot log, half frames).</summary>
        public bool FlushOnOpen { get; init; } = true;

        /// <summary>Which implementation <see cref="TransportAddress.Create"/> picks for a device path; Auto lets the port name decide.</summary>
        public SerialDriver Driver { get; init; } = SerialDriver.Auto;

        /// <summary>115200 baud, lines deasserted at open and close.</summary>
        public static SerialPortSettings Default { get; } = new SerialPortSettings();
    }
}
