namespace MedCard.Host.Transport
{
    /// <summary>How <see cref="PosixSerialPort"/> configures the line. Always raw 8N1, no flow control.</summary>
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
        /// </summary>
        public bool Exclusive { get; init; } = true;

        /// <summary>Drop unread input left over from before the open (stale boot log, half frames).</summary>
        public bool FlushOnOpen { get; init; } = true;

        /// <summary>115200 baud, lines deasserted at open and close.</summary>
        public static SerialPortSettings Default { get; } = new SerialPortSettings();
    }
}
