using System;

namespace MedCard.Firmware.Keypad
{
    /// <summary>
    /// Legend of a matrix keypad: which character sits at (row, column), and what it means for PIN
    /// entry. The two common membrane keypads are built in; a board description may pass its own rows.
    /// </summary>
    public sealed class KeypadLayout
    {
        private readonly char[] _keys;

        /// <summary>Rows given top to bottom, each string one row left to right, e.g. "123A".</summary>
        public KeypadLayout(string[] rows)
        {
            if (rows == null || rows.Length == 0 || rows.Length > 8)
            {
                throw new ArgumentException("rows");
            }

            int columns = rows[0].Length;
            if (columns == 0 || columns > 8 || rows.Length * columns > 32)
            {
                throw new ArgumentException("rows");
            }

            _keys = new char[rows.Length * columns];
            for (int r = 0; r < rows.Length; r++)
            {
                if (rows[r].Length != columns)
                {
                    throw new ArgumentException("rows");
                }

                for (int c = 0; c < columns; c++)
                {
                    _keys[(r * columns) + c] = rows[r][c];
                }
            }

            RowCount = rows.Length;
            ColumnCount = columns;
        }

        /// <summary>Number of rows.</summary>
        public int RowCount { get; }

        /// <summary>Number of columns.</summary>
        public int ColumnCount { get; }

        /// <summary>The usual 4x4 membrane keypad: 123A / 456B / 789C / *0#D.</summary>
        public static KeypadLayout Standard4x4()
        {
            return new KeypadLayout(new string[] { "123A", "456B", "789C", "*0#D" });
        }

        /// <summary>The usual 4x3 membrane keypad: 123 / 456 / 789 / *0#.</summary>
        public static KeypadLayout Standard4x3()
        {
            return new KeypadLayout(new string[] { "123", "456", "789", "*0#" });
        }

        /// <summary>The character at a matrix position.</summary>
        public char KeyAt(int row, int column)
        {
            return _keys[(row * ColumnCount) + column];
        }

        /// <summary>The character for bit index row*ColumnCount+column of a scan.</summary>
        public char KeyAtIndex(int index)
        {
            return _keys[index];
        }

        /// <summary>Meaning of a key for PIN entry.</summary>
        public static KeyKind KindOf(char key)
        {
            if (key >= '0' && key <= '9')
            {
                return KeyKind.Digit;
            }

            switch (key)
            {
                case '#':
                    return KeyKind.Enter;
                case '*':
                case 'C':
                    return KeyKind.Clear;
                case 'D':
                    return KeyKind.Cancel;
                default:
                    return KeyKind.None;
            }
        }
    }
}
