namespace System.Device.Gpio
{
    /// <summary>
    /// nanoframework/System.Device.Gpio v1.1.62, PinValue.cs: a struct (not desktop's enum-like values) with implicit
    /// conversions from int and bool; equality by value.
    /// </summary>
    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        /// <summary>Logic high.</summary>
        public static PinValue High
        {
            get { return new PinValue(1); }
        }

        /// <summary>Logic low.</summary>
        public static PinValue Low
        {
            get { return new PinValue(0); }
        }

        /// <summary>0 is Low, anything else High.</summary>
        public static implicit operator PinValue(int value)
        {
            return value == 0 ? Low : High;
        }

        /// <summary>true is High.</summary>
        public static implicit operator PinValue(bool value)
        {
            return value ? High : Low;
        }

        /// <summary>Equal values.</summary>
        public static bool operator ==(PinValue a, PinValue b)
        {
            return a._value == b._value;
        }

        /// <summary>Different values.</summary>
        public static bool operator !=(PinValue a, PinValue b)
        {
            return a._value != b._value;
        }

        /// <inheritdoc/>
        public override bool Equals(object obj)
        {
            return obj is PinValue other && other._value == _value;
        }

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            return _value;
        }

        /// <inheritdoc/>
        public override string ToString()
        {
            return _value == 0 ? "Low" : "High";
        }
    }
}
