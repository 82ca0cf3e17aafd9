using MedCard.Firmware.Hardware;
using MedCard.Firmware.Keypad;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// A diode-less key matrix: pressing keys joins their row and column wires, so driving a row also activates
    /// every column reachable through other pressed keys. Three keys on the corners of a rectangle therefore make
    /// the fourth corner read as pressed (a ghost), exactly as on a real membrane keypad.
    /// </summary>
    public sealed class FakeKeypadPins : IKeypadPins
    {
        private readonly KeypadLayout _layout;
        private readonly bool[] _pressed;
        private int _drivenRow = -1;

        public int Scans;

        public FakeKeypadPins(KeypadLayout layout)
        {
            _layout = layout;
            _pressed = new bool[layout.RowCount * layout.ColumnCount];
        }

        public int RowCount
        {
            get { return _layout.RowCount; }
        }

        public int ColumnCount
        {
            get { return _layout.ColumnCount; }
        }

        public void DriveRow(int row)
        {
            _drivenRow = row;
            if (row == 0)
            {
                Scans++;
            }
        }

        public void ReleaseRows()
        {
            _drivenRow = -1;
        }

        public int ReadColumns()
        {
            if (_drivenRow < 0)
            {
                return 0;
            }

            // Flood fill over the wires joined by pressed keys.
            int rows = 1 << _drivenRow;
            int columns = 0;
            bool grew = true;
            while (grew)
            {
                grew = false;
                for (int r = 0; r < RowCount; r++)
                {
                    for (int c = 0; c < ColumnCount; c++)
                    {
                        if (!_pressed[(r * ColumnCount) + c])
                        {
                            continue;
                        }

                        bool rowOn = (rows & (1 << r)) != 0;
                        bool columnOn = (columns & (1 << c)) != 0;
                        if (rowOn && !columnOn)
                        {
                            columns |= 1 << c;
                            grew = true;
                        }
                        else if (columnOn && !rowOn)
                        {
                            rows |= 1 << r;
                            grew = true;
                        }
                    }
                }
            }

            return columns;
        }

        public void Press(char key)
        {
            Set(key, true);
        }

        public void Release(char key)
        {
            Set(key, false);
        }

        public void ReleaseAll()
        {
            for (int i = 0; i < _pressed.Length; i++)
            {
                _pressed[i] = false;
            }
        }

        private void Set(char key, bool down)
        {
            for (int i = 0; i < _pressed.Length; i++)
            {
                if (_layout.KeyAtIndex(i) == key)
                {
                    _pressed[i] = down;
                    return;
                }
            }

            throw new System.ArgumentException("no such key");
        }
    }
}
