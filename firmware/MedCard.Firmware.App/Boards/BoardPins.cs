namespace MedCard.Firmware.App.Boards
{
    /// <summary>
    /// The pins of one reader board, filled by the generated <c>&lt;Board&gt;.g.cs</c> factories (see
    /// boards/README.md). Plain fields so the adapters can read them without allocating; -1 means
    /// "not fitted" for the optional indicators.
    /// </summary>
    public sealed class BoardPins
    {
        /// <summary>Value of an optional pin that the board does not have.</summary>
        public const int NotFitted = -1;

        /// <summary>Board id (folder under boards/).</summary>
        public string Id;

        /// <summary>Human-readable board name.</summary>
        public string Name;

        /// <summary>nanoff --target for this board.</summary>
        public string NanoffTarget;

        /// <summary>SPI bus of the MFRC522 (1 = SPI1).</summary>
        public int RfidSpiBus;

        /// <summary>SPI clock of the MFRC522 in Hz.</summary>
        public int RfidSpiClockHz;

        /// <summary>SPI mode of the MFRC522 (0).</summary>
        public int RfidSpiMode;

        /// <summary>MFRC522 SCK.</summary>
        public int RfidSck;

        /// <summary>MFRC522 MISO.</summary>
        public int RfidMiso;

        /// <summary>MFRC522 MOSI.</summary>
        public int RfidMosi;

        /// <summary>MFRC522 chip select.</summary>
        public int RfidCs;

        /// <summary>MFRC522 hard reset (active low).</summary>
        public int RfidReset;

        /// <summary>Serial port of the host link ("COM2").</summary>
        public string HostPort;

        /// <summary>Host link speed (8N1).</summary>
        public int HostBaud;

        /// <summary>Host link TX pin.</summary>
        public int HostTx;

        /// <summary>Host link RX pin.</summary>
        public int HostRx;

        /// <summary>Key legends, row-major, one char per key ("123A456B789C*0#D").</summary>
        public string KeypadKeys;

        /// <summary>Row pins, driven open drain.</summary>
        public int[] KeypadRows;

        /// <summary>Column pins, pulled up.</summary>
        public int[] KeypadColumns;

        /// <summary>True: columns use internal pull-ups; false: the board has external resistors.</summary>
        public bool KeypadColumnsInternalPullUp;

        /// <summary>Green LED pin.</summary>
        public int LedGreen;

        /// <summary>Green LED lights at a low level.</summary>
        public bool LedGreenActiveLow;

        /// <summary>Red LED pin.</summary>
        public int LedRed;

        /// <summary>Red LED lights at a low level.</summary>
        public bool LedRedActiveLow;

        /// <summary>Busy LED pin or <see cref="NotFitted"/>.</summary>
        public int LedBusy;

        /// <summary>Busy LED lights at a low level.</summary>
        public bool LedBusyActiveLow;

        /// <summary>Buzzer pin or <see cref="NotFitted"/>.</summary>
        public int Buzzer;

        /// <summary>Buzzer sounds at a low level.</summary>
        public bool BuzzerActiveLow;
    }
}
