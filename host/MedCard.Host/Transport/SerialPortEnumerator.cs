using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// Lists serial ports with a stable identity. Linux: /sys/class/tty entries backed by a device,
    /// with USB attributes read from the nearest USB ancestor in sysfs and the /dev/serial/by-id
    /// links matched by target (richer than System.IO.Ports' name list, so Linux keeps it). macOS: the
    /// /dev/cu.* call-out nodes (the ones that do not wait for carrier) plus what System.IO.Ports lists.
    /// Windows: System.IO.Ports' COM port names. Roots and names are parameters so tests can run against
    /// a constructed tree.
    /// </summary>
    public static class SerialPortEnumerator
    {
        /// <summary>The serial ports of this machine: Linux sysfs, macOS /dev/cu.* and the names System.IO.Ports reports, Windows COM ports.</summary>
        public static IReadOnlyList<SerialPortInfo> List()
        {
            if (OperatingSystem.IsWindows())
            {
                return FromNames(System.IO.Ports.SerialPort.GetPortNames());
            }
            return OperatingSystem.IsMacOS()
                ? ListDarwin("/dev", System.IO.Ports.SerialPort.GetPortNames())
                : ListLinux("/sys/class/tty", "/dev");
        }

        /// <summary>Ports known only by name (Windows COM ports): the name is both the device and the stable path. Sorted, duplicates dropped.</summary>
        public static IReadOnlyList<SerialPortInfo> FromNames(IEnumerable<string> names) =>
            names.Where(n => !string.IsNullOrWhiteSpace(n))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new SerialPortInfo { DevicePath = n, StablePath = n })
                .ToList();

        /// <summary>Linux enumeration against explicit roots (normally /sys/class/tty and /dev).</summary>
        public static IReadOnlyList<SerialPortInfo> ListLinux(string sysClassTty, string devRoot)
        {
            var result = new List<SerialPortInfo>();
            if (!Directory.Exists(sysClassTty))
            {
                return result;
            }
            Dictionary<string, string> byId = StableLinks(Path.Combine(devRoot, "serial", "by-id"));
            Dictionary<string, string> byPath = StableLinks(Path.Combine(devRoot, "serial", "by-path"));

            foreach (string entry in Directory.EnumerateFileSystemEntries(sysClassTty).OrderBy(e => e, StringComparer.Ordinal))
            {
                string name = Path.GetFileName(entry);
                string deviceLink = Path.Combine(entry, "device");
                // Virtual terminals (tty0..63, console, ptmx) have no backing device.
                if (!Directory.Exists(deviceLink))
                {
                    continue;
                }
                string devicePath = Path.Combine(devRoot, name);
                string? driver = LinkTargetName(Path.Combine(deviceLink, "driver"));
                string? usbDir = FindUsbAncestor(deviceLink);
                // Legacy 8250 UARTs are registered whether or not hardware exists; skip those that
                // have neither a USB parent nor a stable link, as every serial tool has to.
                if (usbDir is null && driver == "serial8250" && !byId.ContainsKey(name))
                {
                    continue;
                }
                string stable = byId.TryGetValue(name, out string? id) ? id
                    : byPath.TryGetValue(name, out string? p) ? p
                    : devicePath;
                result.Add(new SerialPortInfo
                {
                    DevicePath = devicePath,
                    StablePath = stable,
                    Driver = driver,
                    UsbVendorId = usbDir is null ? null : ReadHex(Path.Combine(usbDir, "idVendor")),
                    UsbProductId = usbDir is null ? null : ReadHex(Path.Combine(usbDir, "idProduct")),
                    SerialNumber = usbDir is null ? null : ReadText(Path.Combine(usbDir, "serial")),
                    Manufacturer = usbDir is null ? null : ReadText(Path.Combine(usbDir, "manufacturer")),
                    Product = usbDir is null ? null : ReadText(Path.Combine(usbDir, "product")),
                });
            }
            return result;
        }

        /// <summary>
        /// macOS: the call-out devices under <paramref name="devRoot"/> plus <paramref name="portNames"/> (System.IO.Ports'
        /// list, which names /dev/tty.* nodes too), without the Bluetooth-Incoming-Port every Mac has. USB identity
        /// would need IOKit, which is not bound here.
        /// </summary>
        public static IReadOnlyList<SerialPortInfo> ListDarwin(string devRoot, IEnumerable<string>? portNames = null)
        {
            IEnumerable<string> callOut = Directory.Exists(devRoot) ? Directory.EnumerateFileSystemEntries(devRoot, "cu.*") : Array.Empty<string>();
            return callOut.Concat(portNames ?? Array.Empty<string>())
                .Where(p => !p.EndsWith("Bluetooth-Incoming-Port", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new SerialPortInfo { DevicePath = p, StablePath = p })
                .ToList();
        }

        /// <summary>Maps a tty name (ttyUSB0) to the first stable link pointing at it, in name order.</summary>
        private static Dictionary<string, string> StableLinks(string directory)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!Directory.Exists(directory))
            {
                return map;
            }
            foreach (string link in Directory.EnumerateFileSystemEntries(directory).OrderBy(l => l, StringComparer.Ordinal))
            {
                string? target = LinkTargetName(link);
                if (target is not null)
                {
                    map.TryAdd(target, link);
                }
            }
            return map;
        }

        private static string? LinkTargetName(string path)
        {
            try
            {
                var info = new FileInfo(path);
                string? target = info.LinkTarget;
                return target is null ? null : Path.GetFileName(target.TrimEnd('/'));
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Walks up from the tty's device directory to the USB device (the one with idVendor).</summary>
        private static string? FindUsbAncestor(string deviceLink)
        {
            string? dir;
            try
            {
                var info = new DirectoryInfo(deviceLink);
                string? target = info.LinkTarget;
                dir = target is null ? info.FullName : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(info.FullName)!, target));
            }
            catch (IOException)
            {
                return null;
            }
            for (int depth = 0; dir is not null && depth < 8; depth++)
            {
                if (File.Exists(Path.Combine(dir, "idVendor")))
                {
                    return dir;
                }
                dir = Path.GetDirectoryName(dir);
            }
            return null;
        }

        private static int? ReadHex(string path)
        {
            string? text = ReadText(path);
            return text is not null && int.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value) ? value : null;
        }

        private static string? ReadText(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
