using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Host.Transport;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard ports`: serial ports a reader may be on, as the host library enumerates them on this OS: Linux with the stable
/// /dev/serial/by-id path and USB identity from sysfs, macOS its /dev/cu.* and /dev/tty.* nodes, Windows its COM ports.
/// </summary>
internal static class PortsCommand
{
    public static Command Build(CliIo io)
    {
        var command = new Command("ports", "List serial ports (Linux: stable by-id path, USB vendor/product, serial number; macOS: /dev/cu.*; Windows: COM ports)");
        CommandActions.Set(command, io, (ctx, parse, ct) =>
        {
            IReadOnlyList<SerialPortInfo> ports = SerialPortEnumerator.List();
            if (ctx.Json)
            {
                var array = new JsonArray();
                foreach (SerialPortInfo p in ports)
                {
                    array.Add(new JsonObject
                    {
                        ["device"] = p.DevicePath,
                        ["stablePath"] = p.StablePath,
                        ["usbVendorId"] = p.UsbVendorId is int v ? v.ToString("x4", CultureInfo.InvariantCulture) : null,
                        ["usbProductId"] = p.UsbProductId is int pid ? pid.ToString("x4", CultureInfo.InvariantCulture) : null,
                        ["serialNumber"] = p.SerialNumber,
                        ["manufacturer"] = p.Manufacturer,
                        ["product"] = p.Product,
                        ["driver"] = p.Driver,
                    });
                }

                ctx.WriteJson(new JsonObject { ["ports"] = array });
                return Task.CompletedTask;
            }

            if (ports.Count == 0)
            {
                ctx.Say("No serial ports found. Plug the reader in (USB) or start a simulated one with [bold]medcard sim[/].");
                return Task.CompletedTask;
            }

            var table = new Table().Border(TableBorder.Rounded).Title("Serial ports").AddColumn("Device").AddColumn("Stable path")
                .AddColumn("USB id").AddColumn("Serial").AddColumn("Product").AddColumn("Driver");
            foreach (SerialPortInfo p in ports)
            {
                table.AddRow(Markup.Escape(p.DevicePath), Markup.Escape(p.StablePath),
                    p.UsbVendorId is int v && p.UsbProductId is int pid ? v.ToString("x4", CultureInfo.InvariantCulture) + ":" + pid.ToString("x4", CultureInfo.InvariantCulture) : "-",
                    Markup.Escape(p.SerialNumber ?? "-"), Markup.Escape(p.Product ?? "-"), Markup.Escape(p.Driver ?? "-"));
            }

            ctx.Console.Write(table);
            return Task.CompletedTask;
        });
        return command;
    }
}
