using System;
using System.IO;
using System.Linq;
using MedCard.Host.Transport;
using Xunit;

namespace MedCard.Host.Tests.Transport
{
    /// <summary>
    /// Enumeration against a constructed sysfs/dev tree with real directories and symlinks, shaped
    /// like a CP2102 adapter on a Linux machine (plus a virtual console and a phantom 8250 UART).
    /// </summary>
    public sealed class SerialPortEnumeratorTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "medcard-enum-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        [Fact]
        public void Usb_adapter_is_listed_with_identity_and_by_id_link_and_phantoms_are_skipped()
        {
            string sys = Path.Combine(_root, "sys");
            string usbDevice = Path.Combine(sys, "devices", "pci0000:00", "usb1", "1-1");
            string usbInterface = Path.Combine(usbDevice, "1-1:1.0");
            string ttyDevice = Path.Combine(usbInterface, "ttyUSB0");
            Directory.CreateDirectory(ttyDevice);
            File.WriteAllText(Path.Combine(usbDevice, "idVendor"), "10c4\n");
            File.WriteAllText(Path.Combine(usbDevice, "idProduct"), "ea60\n");
            File.WriteAllText(Path.Combine(usbDevice, "serial"), "0001\n");
            File.WriteAllText(Path.Combine(usbDevice, "manufacturer"), "Silicon Labs\n");
            File.WriteAllText(Path.Combine(usbDevice, "product"), "CP2102 USB to UART Bridge Controller\n");
            string drivers = Path.Combine(sys, "bus", "usb-serial", "drivers");
            Directory.CreateDirectory(Path.Combine(drivers, "cp210x"));
            Directory.CreateSymbolicLink(Path.Combine(ttyDevice, "driver"), Path.Combine(drivers, "cp210x"));

            string phantom = Path.Combine(sys, "devices", "platform", "serial8250", "tty", "ttyS3");
            Directory.CreateDirectory(phantom);
            Directory.CreateDirectory(Path.Combine(drivers, "serial8250"));
            Directory.CreateSymbolicLink(Path.Combine(phantom, "driver"), Path.Combine(drivers, "serial8250"));

            string classTty = Path.Combine(sys, "class", "tty");
            Directory.CreateDirectory(Path.Combine(classTty, "ttyUSB0"));
            Directory.CreateSymbolicLink(Path.Combine(classTty, "ttyUSB0", "device"), ttyDevice);
            Directory.CreateDirectory(Path.Combine(classTty, "ttyS3"));
            Directory.CreateSymbolicLink(Path.Combine(classTty, "ttyS3", "device"), phantom);
            Directory.CreateDirectory(Path.Combine(classTty, "tty0"));

            string dev = Path.Combine(_root, "dev");
            string byId = Path.Combine(dev, "serial", "by-id");
            Directory.CreateDirectory(byId);
            File.WriteAllText(Path.Combine(dev, "ttyUSB0"), "");
            string link = Path.Combine(byId, "usb-Silicon_Labs_CP2102_0001-if00-port0");
            File.CreateSymbolicLink(link, "../../ttyUSB0");

            var ports = SerialPortEnumerator.ListLinux(classTty, dev);

            var port = Assert.Single(ports);
            Assert.Equal(Path.Combine(dev, "ttyUSB0"), port.DevicePath);
            Assert.Equal(link, port.StablePath);
            Assert.Equal(0x10C4, port.UsbVendorId);
            Assert.Equal(0xEA60, port.UsbProductId);
            Assert.Equal("0001", port.SerialNumber);
            Assert.Equal("Silicon Labs", port.Manufacturer);
            Assert.Equal("cp210x", port.Driver);
            Assert.True(port.IsUsb);
            Assert.Contains("10c4:ea60", port.ToString());
        }

        [Fact]
        public void A_missing_sysfs_gives_an_empty_list()
        {
            Assert.Empty(SerialPortEnumerator.ListLinux(Path.Combine(_root, "nope"), Path.Combine(_root, "dev")));
        }

        [Fact]
        public void MacOS_lists_call_out_nodes_and_System_IO_Ports_names_once_without_the_bluetooth_port()
        {
            string dev = Path.Combine(_root, "dev");
            Directory.CreateDirectory(dev);
            foreach (string node in new[] { "cu.usbserial-0001", "cu.Bluetooth-Incoming-Port", "tty.usbserial-0001", "ttys003" })
            {
                File.WriteAllText(Path.Combine(dev, node), "");
            }
            string cu = Path.Combine(dev, "cu.usbserial-0001");
            string tty = Path.Combine(dev, "tty.usbserial-0001");

            var ports = SerialPortEnumerator.ListDarwin(dev, new[] { tty, cu, Path.Combine(dev, "tty.Bluetooth-Incoming-Port") });

            Assert.Equal(new[] { cu, tty }, ports.Select(p => p.DevicePath).ToArray());
            Assert.All(ports, p => Assert.Equal(p.DevicePath, p.StablePath));
        }

        [Fact]
        public void Windows_com_port_names_are_listed_in_numeric_order_once()
        {
            var ports = SerialPortEnumerator.FromNames(new[] { "COM10", "COM3", "com3", "", "COM1" });
            Assert.Equal(new[] { "COM1", "COM3", "COM10" }, ports.Select(p => p.DevicePath).ToArray());
            Assert.False(ports[0].IsUsb);
        }

        [Fact]
        public void The_real_system_can_be_enumerated_without_error()
        {
            // Whatever this machine has, every entry must name a device node and a stable path.
            Assert.All(SerialPortEnumerator.List(), p =>
            {
                Assert.False(string.IsNullOrEmpty(p.DevicePath));
                Assert.False(string.IsNullOrEmpty(p.StablePath));
            });
        }
    }
}
