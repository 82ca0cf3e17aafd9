using System;
using System.Collections.Concurrent;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;

namespace MedCard.Simulator.Devices
{
    /// <summary>
    /// A matrix keypad whose keys are pressed by script or console. Keys queued with <see cref="Type"/>
    /// are each held for <see cref="HoldMs"/> then released for <see cref="GapMs"/>, in simulator time,
    /// so the firmware's own scanning and debouncing run exactly as on the device.
    /// </summary>
    public sealed class VirtualKeypad : IKeypadPins
    {
        private readonly KeypadLayout _layout;
        private readonly ConcurrentQueue<char> _queue = new ConcurrentQueue<char>();
        private readonly object _gate = new object();
        private int _pressedRow = -1;
        private int _pressedColumn = -1;
        private int _drivenRow = -1;
        private long _changedAtMs;

        public VirtualKeypad(KeypadLayout layout)
        {
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        }

        public KeypadLayout Layout => _layout;

        public int HoldMs { get; init; } = 80;

        public int GapMs { get; init; } = 80;

        public int RowCount => _layout.RowCount;

        public int ColumnCount => _layout.ColumnCount;

        /// <summary>Queues keys to press, e.g. "123456#". Unknown characters are refused.</summary>
        public void Type(string keys)
        {
            ArgumentNullException.ThrowIfNull(keys);
            foreach (char key in keys)
            {
                if (!TryFind(key, out _, out _))
                {
                    throw new ArgumentException("The keypad has no key '" + key + "'.", nameof(keys));
                }
            }
            foreach (char key in keys)
            {
                _queue.Enqueue(key);
            }
        }

        /// <summary>True when nothing is queued or held.</summary>
        public bool Idle
        {
            get
            {
                lock (_gate)
                {
                    return _queue.IsEmpty && _pressedRow < 0;
                }
            }
        }

        /// <summary>Moves the scripted fingers forward to <paramref name="nowMs"/> (called by the tick loop).</summary>
        public void Advance(long nowMs)
        {
            lock (_gate)
            {
                if (_pressedRow >= 0)
                {
                    if (nowMs - _changedAtMs >= HoldMs)
                    {
                        _pressedRow = -1;
                        _pressedColumn = -1;
                        _changedAtMs = nowMs;
                    }
                    return;
                }
                if (nowMs - _changedAtMs >= GapMs && _queue.TryDequeue(out char key) && TryFind(key, out int row, out int column))
                {
                    _pressedRow = row;
                    _pressedColumn = column;
                    _changedAtMs = nowMs;
                }
            }
        }

        public void DriveRow(int row)
        {
            lock (_gate)
            {
                _drivenRow = row;
            }
        }

        public void ReleaseRows()
        {
            lock (_gate)
            {
                _drivenRow = -1;
            }
        }

        public int ReadColumns()
        {
            lock (_gate)
            {
                return _drivenRow >= 0 && _drivenRow == _pressedRow ? 1 << _pressedColumn : 0;
            }
        }

        private bool TryFind(char key, out int row, out int column)
        {
            for (row = 0; row < _layout.RowCount; row++)
            {
                for (column = 0; column < _layout.ColumnCount; column++)
                {
                    if (_layout.KeyAt(row, column) == key)
                    {
                        return true;
                    }
                }
            }
            row = -1;
            column = -1;
            return false;
        }
    }
}
