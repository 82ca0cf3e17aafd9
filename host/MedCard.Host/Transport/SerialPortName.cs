using System;
using System.Globalization;

namespace MedCard.Host.Transport
{
    /// <summary>The forms a serial port's name takes on each OS, in one place: <see cref="TransportAddress"/> decides with them.</summary>
    public static class SerialPortName
    {
        private const string Win32DevicePrefix = @"\\.\";

        /// <summary><c>COM3</c>, <c>com12</c>, <c>\\.\COM12</c>: a Windows serial port.</summary>
        public static bool IsComPort(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            string bare = StripDevicePrefix(name);
            return bare.Length > 3
                && bare.StartsWith("COM", StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(bare.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out uint number)
                && number >= 1 && number <= 256;
        }

        /// <summary>macOS's serial device nodes: <c>/dev/cu.*</c> (call-out: does not wait for carrier) and <c>/dev/tty.*</c>.</summary>
        public static bool IsDarwinSerialDevice(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            return (name.StartsWith("/dev/cu.", StringComparison.Ordinal) && name.Length > "/dev/cu.".Length)
                || (name.StartsWith("/dev/tty.", StringComparison.Ordinal) && name.Length > "/dev/tty.".Length);
        }

        /// <summary>An absolute device path (<c>/dev/ttyUSB0</c>, <c>/dev/serial/by-id/...</c>, a pty slave).</summary>
        public static bool IsDevicePath(string name) => name.StartsWith('/');

        /// <summary>What System.IO.Ports wants: <c>\\.\COM12</c> → <c>COM12</c> (it adds the prefix itself); other names unchanged.</summary>
        public static string Normalise(string name) => IsComPort(name) ? StripDevicePrefix(name).ToUpperInvariant() : name;

        private static string StripDevicePrefix(string name) =>
            name.StartsWith(Win32DevicePrefix, StringComparison.Ordinal) ? name.Substring(Win32DevicePrefix.Length) : name;
    }
}
