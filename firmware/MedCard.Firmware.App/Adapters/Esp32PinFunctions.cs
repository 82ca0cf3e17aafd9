using System;
using nanoFramework.Hardware.Esp32;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// Routes the ESP32's SPI and UART peripherals to the board's pins through the GPIO matrix. Must run
    /// before the SpiDevice or SerialPort is created: the driver picks the pins up when it opens.
    /// </summary>
    public static class Esp32PinFunctions
    {
        /// <summary>Map SPI1 or SPI2 clock/MISO/MOSI (chip select is driven by the SpiDevice itself).</summary>
        public static void MapSpi(int bus, int clock, int miso, int mosi)
        {
            if (bus == 1)
            {
                Configuration.SetPinFunction(clock, DeviceFunction.SPI1_CLOCK);
                Configuration.SetPinFunction(miso, DeviceFunction.SPI1_MISO);
                Configuration.SetPinFunction(mosi, DeviceFunction.SPI1_MOSI);
            }
            else if (bus == 2)
            {
                Configuration.SetPinFunction(clock, DeviceFunction.SPI2_CLOCK);
                Configuration.SetPinFunction(miso, DeviceFunction.SPI2_MISO);
                Configuration.SetPinFunction(mosi, DeviceFunction.SPI2_MOSI);
            }
            else
            {
                throw new ArgumentOutOfRangeException("bus");
            }
        }

        /// <summary>Map the TX/RX pins of COM2 or COM3. COM1 stays with the debugger.</summary>
        public static void MapUart(string port, int tx, int rx)
        {
            if (port == "COM2")
            {
                Configuration.SetPinFunction(tx, DeviceFunction.COM2_TX);
                Configuration.SetPinFunction(rx, DeviceFunction.COM2_RX);
            }
            else if (port == "COM3")
            {
                Configuration.SetPinFunction(tx, DeviceFunction.COM3_TX);
                Configuration.SetPinFunction(rx, DeviceFunction.COM3_RX);
            }
            else
            {
                throw new ArgumentException("port");
            }
        }
    }
}
