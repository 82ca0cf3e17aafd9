using MedCard.Host.Transport;

namespace MedCard.Checkout.Hosting;

/// <summary>Where one reader is attached: a serial port (device path or COMn) or a tcp://host:port bridge, and the line settings.</summary>
public sealed class ReaderEndpointOptions
{
    /// <summary>The port as <see cref="TransportAddress.Create"/> takes it: /dev/serial/by-id/..., /dev/cu.*, COM3, or tcp://host:port.</summary>
    public string Port { get; set; } = string.Empty;

    /// <summary>Serial line speed (default 115200, the firmware's).</summary>
    public int BaudRate { get; set; } = SerialPortSettings.Default.BaudRate;

    /// <summary>Which serial implementation opens a device path (default: the port name decides).</summary>
    public SerialDriver Driver { get; set; } = SerialDriver.Auto;

    internal SerialPortSettings Settings() => SerialPortSettings.Default with { BaudRate = BaudRate, Driver = Driver };
}
