namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// The raw pins of a matrix keypad. Scanning, debounce and ghost rejection live in the core
    /// (Keypad/KeypadScanner); the adapter only drives and samples GPIO.
    /// Convention: a driven row is "active"; a column reads active when a key joins it to the
    /// active row (the adapter hides the electrical polarity, e.g. pull-ups and active-low).
    /// </summary>
    public interface IKeypadPins
    {
        /// <summary>Number of rows (4 on both 4x3 and 4x4 keypads).</summary>
        int RowCount { get; }

        /// <summary>Number of columns (3 or 4, at most 8).</summary>
        int ColumnCount { get; }

        /// <summary>Activate <paramref name="row"/> and release every other row.</summary>
        void DriveRow(int row);

        /// <summary>Release all rows (between scans, so nothing is driven while idle).</summary>
        void ReleaseRows();

        /// <summary>Bit c set = column c is active on the currently driven row.</summary>
        int ReadColumns();
    }
}
