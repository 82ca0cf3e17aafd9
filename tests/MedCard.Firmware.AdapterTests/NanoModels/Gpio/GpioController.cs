using MedCard.Firmware.AdapterTests.NanoModels.Gpio;

namespace System.Device.Gpio
{
    /// <summary>
    /// Model of nanoFramework's GpioController on an ESP32. Sources: nanoframework/System.Device.Gpio tag v1.1.62,
    /// System.Device.Gpio/GpioController.cs, and nanoframework/nf-interpreter (main, commit a3e8139a),
    /// targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp. Behaviour kept here:
    /// <list type="bullet">
    /// <item>OpenPin reserves the pin (CPU_GPIO_ReservePin): opening a pin already open, or an invalid GPIO number,
    /// throws InvalidOperationException;</item>
    /// <item>IsPinModeSupported (CPU_GPIO_DriveModeSupported): any mode on output-capable pins, only Input,
    /// InputPullDown and InputPullUp on the input-only GPIO34-39;</item>
    /// <item>OpenPin(pin, mode) with an unsupported mode fails in SetPinMode (ArgumentException) after the pin was
    /// reserved.</item>
    /// </list>
    /// The wiring around the pins is <see cref="GpioBoard"/>.
    /// </summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>Open and reserve a pin (mode Input).</summary>
        public GpioPin OpenPin(int pinNumber)
        {
            return GpioBoard.Reserve(pinNumber);
        }

        /// <summary>Open, reserve and set the mode.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            GpioPin pin = GpioBoard.Reserve(pinNumber);
            pin.SetPinMode(mode);
            return pin;
        }

        /// <summary>Whether the ESP32 driver accepts <paramref name="mode"/> on <paramref name="pinNumber"/>.</summary>
        public bool IsPinModeSupported(int pinNumber, PinMode mode)
        {
            return GpioBoard.IsModeSupported(pinNumber, mode);
        }

        /// <summary>Whether the pin is reserved.</summary>
        public bool IsPinOpen(int pinNumber)
        {
            return GpioBoard.IsOpen(pinNumber);
        }

        /// <summary>Release a pin opened through the controller.</summary>
        public void ClosePin(int pinNumber)
        {
            if (!GpioBoard.IsOpen(pinNumber))
            {
                throw new InvalidOperationException();
            }

            GpioBoard.Release(pinNumber);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            GpioBoard.ReleaseAll();
        }
    }
}
