using MedCard.Firmware.Util;

namespace MedCard.Firmware.Keypad
{
    /// <summary>
    /// Collects PIN digits from key presses. The digits stay in one fixed byte array (values 0-9,
    /// never characters or strings) that is wiped on clear, cancel and <see cref="Wipe"/>; the only
    /// thing that leaves this class for display or logging is <see cref="DigitCount"/>.
    /// </summary>
    public sealed class PinEntry
    {
        /// <summary>Shortest PIN accepted (ISO 9564 allows 4).</summary>
        public const int MinLength = 4;

        /// <summary>Longest PIN accepted (ISO 9564 allows 12).</summary>
        public const int MaxLength = 12;

        private readonly byte[] _digits = new byte[MaxLength];
        private int _count;
        private int _minLength = MinLength;
        private int _maxLength = MaxLength;

        /// <summary>Wipe and start a new entry accepting <paramref name="minLength"/>..<paramref name="maxLength"/> digits (within 4..12).</summary>
        public void Start(int minLength, int maxLength)
        {
            if (minLength < MinLength || maxLength > MaxLength || minLength > maxLength)
            {
                throw new System.ArgumentOutOfRangeException("minLength");
            }

            Wipe();
            _minLength = minLength;
            _maxLength = maxLength;
        }

        /// <summary>How many digits have been typed; the only thing that may be echoed.</summary>
        public int DigitCount
        {
            get { return _count; }
        }

        /// <summary>True after Enter with a valid length, until <see cref="Wipe"/>.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>The digit buffer, for the PIN block encoder in this assembly only.</summary>
        internal byte[] Digits
        {
            get { return _digits; }
        }

        /// <summary>Apply one key press.</summary>
        public PinEntryEvent Press(char key)
        {
            if (IsComplete)
            {
                return PinEntryEvent.Ignored;
            }

            switch (KeypadLayout.KindOf(key))
            {
                case KeyKind.Digit:
                    if (_count >= _maxLength)
                    {
                        return PinEntryEvent.TooLong;
                    }

                    _digits[_count++] = (byte)(key - '0');
                    return PinEntryEvent.DigitAdded;

                case KeyKind.Clear:
                    if (_count == 0)
                    {
                        return PinEntryEvent.Cancelled;
                    }

                    Wipe();
                    return PinEntryEvent.Cleared;

                case KeyKind.Cancel:
                    Wipe();
                    return PinEntryEvent.Cancelled;

                case KeyKind.Enter:
                    if (_count < _minLength)
                    {
                        return PinEntryEvent.TooShort;
                    }

                    IsComplete = true;
                    return PinEntryEvent.Submitted;

                default:
                    return PinEntryEvent.Ignored;
            }
        }

        /// <summary>Erase the digits and start over.</summary>
        public void Wipe()
        {
            Secrets.Wipe(_digits);
            _count = 0;
            IsComplete = false;
        }

        /// <summary>True when no digit is held in memory (tests check the buffer really is wiped).</summary>
        public bool IsWiped
        {
            get { return _count == 0 && Secrets.IsAllZero(_digits, 0, _digits.Length); }
        }
    }
}
