namespace MedCard.Host.Transport
{
    /// <summary>
    /// One serial device as the system describes it. <see cref="StablePath"/> survives re-plugging
    /// and re-enumeration (ttyUSB0 becoming ttyUSB1); store that one in configuration.
    /// </summary>
    public sealed record SerialPortInfo
    {
        /// <summary>The device node to open: /dev/ttyUSB0, /dev/cu.usbserial-0001.</summary>
        public required string DevicePath { get; init; }

        /// <summary>A /dev/serial/by-id (or by-path) link to the same device when one exists, else <see cref="DevicePath"/>.</summary>
        public required string StablePath { get; init; }

        /// <summary>USB vendor id, e.g. 0x10C4 (Silicon Labs CP210x), 0x1A86 (WCH CH340), 0x303A (Espressif native USB).</summary>
        public int? UsbVendorId { get; init; }

        /// <summary>USB product id, when the device is USB.</summary>
        public int? UsbProductId { get; init; }

        /// <summary>The USB serial number string; the best identity when several identical adapters are attached.</summary>
        public string? SerialNumber { get; init; }

        /// <summary>The USB manufacturer string, when known.</summary>
        public string? Manufacturer { get; init; }

        /// <summary>The USB product string, when known.</summary>
        public string? Product { get; init; }

        /// <summary>The kernel driver (cp210x, ch341, ftdi_sio, cdc_acm), when known.</summary>
        public string? Driver { get; init; }

        /// <summary>True when the device sits on USB.</summary>
        public bool IsUsb => UsbVendorId.HasValue;

        /// <summary>Device path, stable path and USB identity on one line.</summary>
        public override string ToString() =>
            StablePath + (IsUsb ? " [" + UsbVendorId!.Value.ToString("x4") + ":" + UsbProductId.GetValueOrDefault().ToString("x4")
                + (SerialNumber is null ? "" : " " + SerialNumber) + "]" : "");
    }
}
