using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Keypad
{
    /// <summary>
    /// Scans a matrix keypad through <see cref="IKeypadPins"/> and turns it into key presses.
    /// <list type="bullet">
    /// <item>Debounce: the raw matrix must read the same on consecutive scans spanning at least
    /// <see cref="DebounceMs"/> before it is believed (filters contact bounce on press and release).</item>
    /// <item>One key at a time: a press is reported only when the believed state goes from "nothing"
    /// to "exactly one key". Two or more keys down (rollover, or a ghost rectangle where three real
    /// keys make a fourth appear) report nothing and lock the scanner until every key is released,
    /// so a ghost can never type a digit.</item>
    /// <item>No auto-repeat; no allocation per scan.</item>
    /// </list>
    /// </summary>
    public sealed class KeypadScanner
    {
        /// <summary>Default debounce window; membrane keypads bounce for 5-20 ms.</summary>
        public const int DefaultDebounceMs = 30;

        private readonly IKeypadPins _pins;
        private readonly KeypadLayout _layout;
        private readonly int[] _rowColumns;

        private uint _candidate;
        private long _candidateSinceMs;
        private uint _stable;
        private bool _lockedOut;
        private bool _started;

        /// <summary>Create a scanner; the layout must match the pins' geometry.</summary>
        public KeypadScanner(IKeypadPins pins, KeypadLayout layout, int debounceMs)
        {
            if (pins == null || layout == null)
            {
                throw new ArgumentNullException(pins == null ? "pins" : "layout");
            }

            if (pins.RowCount != layout.RowCount || pins.ColumnCount != layout.ColumnCount)
            {
                throw new ArgumentException("layout does not match the keypad pins");
            }

            if (debounceMs < 0)
            {
                throw new ArgumentOutOfRangeException("debounceMs");
            }

            _pins = pins;
            _layout = layout;
            _rowColumns = new int[layout.RowCount];
            DebounceMs = debounceMs;
            Reset();
        }

        /// <summary>Debounce window in milliseconds.</summary>
        public int DebounceMs { get; }

        /// <summary>True while the debounced state has at least one key down.</summary>
        public bool AnyKeyDown
        {
            get { return _stable != 0; }
        }

        /// <summary>True when the last raw scan showed a ghost rectangle (diagnostics and tests).</summary>
        public bool LastScanGhosted { get; private set; }

        /// <summary>How many debounced multi-key or ghost states were rejected since construction.</summary>
        public int RejectedChords { get; private set; }

        /// <summary>
        /// Scan once. Returns the key character when a single key has just been (debounced) pressed,
        /// otherwise '\0'. Call it every few milliseconds while a PIN is being entered.
        /// </summary>
        public char Poll(long nowMs)
        {
            uint raw = ScanRaw();

            if (!_started || raw != _candidate)
            {
                _started = true;
                _candidate = raw;
                _candidateSinceMs = nowMs;
                if (DebounceMs > 0)
                {
                    return '\0';
                }
            }

            if (nowMs - _candidateSinceMs < DebounceMs)
            {
                return '\0';
            }

            uint previous = _stable;
            _stable = _candidate;

            if (_stable == 0)
            {
                // Everything released: the next single press counts again.
                _lockedOut = false;
                return '\0';
            }

            if (_stable == previous || _lockedOut)
            {
                return '\0';
            }

            if (previous == 0 && IsSingleBit(_stable))
            {
                return _layout.KeyAtIndex(BitIndex(_stable));
            }

            // A chord or a ghost: refuse it and everything until all keys are up.
            _lockedOut = true;
            RejectedChords++;
            return '\0';
        }

        /// <summary>
        /// Forget the debounced state (e.g. when PIN entry starts). A key that is down right now must be released
        /// before anything counts, so a key still held from before never types into a new entry.
        /// </summary>
        public void Reset()
        {
            _started = false;
            _candidate = 0;
            _stable = 0;
            _lockedOut = ScanRaw() != 0;
        }

        private uint ScanRaw()
        {
            int columns = _layout.ColumnCount;
            uint matrix = 0;
            for (int r = 0; r < _rowColumns.Length; r++)
            {
                _pins.DriveRow(r);
                int bits = _pins.ReadColumns() & ((1 << columns) - 1);
                _rowColumns[r] = bits;
                matrix |= (uint)bits << (r * columns);
            }

            _pins.ReleaseRows();
            LastScanGhosted = HasGhostRectangle(_rowColumns);
            return matrix;
        }

        /// <summary>
        /// True when two rows share two or more active columns: the corners of such a rectangle cannot
        /// be told apart on a matrix without diodes, so one of them may be a ghost.
        /// </summary>
        public static bool HasGhostRectangle(int[] rowColumns)
        {
            for (int a = 0; a < rowColumns.Length; a++)
            {
                for (int b = a + 1; b < rowColumns.Length; b++)
                {
                    int shared = rowColumns[a] & rowColumns[b];
                    if (shared != 0 && !IsSingleBit((uint)shared))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsSingleBit(uint value)
        {
            return value != 0 && (value & (value - 1)) == 0;
        }

        private static int BitIndex(uint singleBit)
        {
            int index = 0;
            while ((singleBit & 1) == 0)
            {
                singleBit >>= 1;
                index++;
            }

            return index;
        }
    }
}
