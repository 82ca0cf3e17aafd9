using System;
using System.Device.Gpio;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IKeypadPins"/> on GPIO. Rows are open-drain outputs: the active row is pulled low, the others
    /// float, so two keys pressed in one column can never short two driven rows together. Columns are inputs
    /// pulled up (internally, or by external resistors on GPIO34-39 which have none); a key joining the
    /// active row reads low, which this adapter reports as "active". Where the driver lacks open-drain mode the
    /// same electrical behaviour is had by switching a row between Input (released) and Output low (driven).
    /// </summary>
    public sealed class GpioKeypadPins : IKeypadPins
    {
        private readonly GpioPin[] _rows;
        private readonly GpioPin[] _columns;
        private readonly bool _openDrain;

        /// <summary>Open the row and column pins.</summary>
        /// <param name="gpio">Shared controller.</param>
        /// <param name="rowPins">Row GPIOs, top to bottom.</param>
        /// <param name="columnPins">Column GPIOs, left to right (at most 8).</param>
        /// <param name="internalPullUp">False when the board has external pull-ups (GPIO34-39 have no internal ones).</param>
        public GpioKeypadPins(GpioController gpio, int[] rowPins, int[] columnPins, bool internalPullUp)
        {
            if (gpio == null || rowPins == null || columnPins == null)
            {
                throw new ArgumentNullException("gpio");
            }

            if (rowPins.Length == 0 || columnPins.Length == 0 || columnPins.Length > 8)
            {
                throw new ArgumentException("keypad size");
            }

            _openDrain = true;
            for (int r = 0; r < rowPins.Length; r++)
            {
                _openDrain &= gpio.IsPinModeSupported(rowPins[r], PinMode.OutputOpenDrain);
            }

            _rows = new GpioPin[rowPins.Length];
            for (int r = 0; r < rowPins.Length; r++)
            {
                _rows[r] = gpio.OpenPin(rowPins[r], _openDrain ? PinMode.OutputOpenDrain : PinMode.Input);
                Release(_rows[r]);
            }

            _columns = new GpioPin[columnPins.Length];
            for (int c = 0; c < columnPins.Length; c++)
            {
                _columns[c] = gpio.OpenPin(columnPins[c], internalPullUp ? PinMode.InputPullUp : PinMode.Input);
            }
        }

        /// <inheritdoc/>
        public int RowCount
        {
            get { return _rows.Length; }
        }

        /// <inheritdoc/>
        public int ColumnCount
        {
            get { return _columns.Length; }
        }

        /// <inheritdoc/>
        public void DriveRow(int row)
        {
            if (row < 0 || row >= _rows.Length)
            {
                throw new ArgumentOutOfRangeException("row");
            }

            // Release first, then pull the chosen row, so two rows are never low together.
            for (int r = 0; r < _rows.Length; r++)
            {
                if (r != row)
                {
                    Release(_rows[r]);
                }
            }

            Drive(_rows[row]);
        }

        /// <inheritdoc/>
        public void ReleaseRows()
        {
            for (int r = 0; r < _rows.Length; r++)
            {
                Release(_rows[r]);
            }
        }

        /// <inheritdoc/>
        public int ReadColumns()
        {
            int bits = 0;
            for (int c = 0; c < _columns.Length; c++)
            {
                if (_columns[c].Read() == PinValue.Low)
                {
                    bits |= 1 << c;
                }
            }

            return bits;
        }

        private void Release(GpioPin row)
        {
            if (_openDrain)
            {
                row.Write(PinValue.High);
            }
            else if (row.GetPinMode() != PinMode.Input)
            {
                row.SetPinMode(PinMode.Input);
            }
        }

        private void Drive(GpioPin row)
        {
            if (_openDrain)
            {
                row.Write(PinValue.Low);
            }
            else
            {
                // A momentary high before the low is harmless: columns are pulled up to the same level.
                row.SetPinMode(PinMode.Output);
                row.Write(PinValue.Low);
            }
        }
    }
}
