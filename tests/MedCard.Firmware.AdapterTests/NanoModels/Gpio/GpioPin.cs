using MedCard.Firmware.AdapterTests.NanoModels.Gpio;

namespace System.Device.Gpio
{
    /// <summary>
    /// Model of nanoFramework's GpioPin (nanoframework/System.Device.Gpio v1.1.62, GpioPin.cs): mode starts as Input;
    /// SetPinMode with a mode the pin does not support throws ArgumentException; Write sets the output latch (driven
    /// only in an output mode); Read returns the level of the net the pin is on (<see cref="GpioBoard"/>); after Dispose,
    /// GetPinMode throws ObjectDisposedException.
    /// </summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly int _pinNumber;
        private PinMode _mode = PinMode.Input;
        private PinValue _latch = PinValue.Low;
        private bool _disposed;

        internal GpioPin(int pinNumber)
        {
            _pinNumber = pinNumber;
        }

        /// <summary>GPIO number.</summary>
        public int PinNumber
        {
            get { return _pinNumber; }
        }

        internal PinMode Mode
        {
            get { return _mode; }
        }

        internal PinValue Latch
        {
            get { return _latch; }
        }

        /// <summary>The current mode.</summary>
        public PinMode GetPinMode()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(GpioPin));
            }

            return _mode;
        }

        /// <summary>Whether the driver accepts <paramref name="pinMode"/> on this pin.</summary>
        public bool IsPinModeSupported(PinMode pinMode)
        {
            return GpioBoard.IsModeSupported(_pinNumber, pinMode);
        }

        /// <summary>Change the mode; ArgumentException when the pin cannot do it.</summary>
        public void SetPinMode(PinMode value)
        {
            if (!GpioBoard.IsModeSupported(_pinNumber, value))
            {
                throw new ArgumentException();
            }

            _mode = value;
            GpioBoard.Changed();
        }

        /// <summary>Level of the net this pin is on.</summary>
        public PinValue Read()
        {
            return GpioBoard.LevelOf(_pinNumber);
        }

        /// <summary>Set the output latch.</summary>
        public void Write(PinValue value)
        {
            _latch = value;
            GpioBoard.Changed();
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                GpioBoard.Release(_pinNumber);
            }
        }
    }
}
