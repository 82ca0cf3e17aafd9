namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// The DeviceFunction members the adapters route (nanoframework/nanoFramework.Hardware.Esp32 v1.6.42,
    /// DeviceFunction.cs has many more; their numeric values are not modelled).
    /// </summary>
    public enum DeviceFunction
    {
        /// <summary>SPI1 clock.</summary>
        SPI1_CLOCK,

        /// <summary>SPI1 MISO.</summary>
        SPI1_MISO,

        /// <summary>SPI1 MOSI.</summary>
        SPI1_MOSI,

        /// <summary>SPI2 clock.</summary>
        SPI2_CLOCK,

        /// <summary>SPI2 MISO.</summary>
        SPI2_MISO,

        /// <summary>SPI2 MOSI.</summary>
        SPI2_MOSI,

        /// <summary>UART1 TX.</summary>
        COM2_TX,

        /// <summary>UART1 RX.</summary>
        COM2_RX,

        /// <summary>UART2 TX.</summary>
        COM3_TX,

        /// <summary>UART2 RX.</summary>
        COM3_RX,
    }
}
