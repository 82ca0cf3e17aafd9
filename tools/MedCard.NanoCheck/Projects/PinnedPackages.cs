using System;
using System.Collections.Generic;

namespace MedCard.NanoCheck.Projects;

/// <summary>
/// THE pinned nanoFramework package set: the only place in the tool that names versions. Versions are
/// the release tags of shared/nanoframework-api/README.md; the IoT.Device bindings have no tags there,
/// so they are pinned to the NuGet releases the project agreed on (Mfrc522 1.2.883 itself pins Card 1.2.937).
/// A packages.config entry with another version, or an id not listed here, is an error.
/// </summary>
public static class PinnedPackages
{
    public static readonly IReadOnlyDictionary<string, string> Versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["nanoFramework.CoreLibrary"] = "1.17.11",
        ["nanoFramework.System.Text"] = "1.3.42",
        ["nanoFramework.System.Collections"] = "1.5.75",
        ["nanoFramework.Runtime.Events"] = "1.11.37",
        ["nanoFramework.Runtime.Native"] = "1.7.11",
        ["nanoFramework.System.Math"] = "1.5.116",
        ["nanoFramework.System.IO.Streams"] = "1.1.96",
        ["nanoFramework.System.IO.FileSystem"] = "1.1.93",
        ["nanoFramework.System.IO.Ports"] = "1.1.139",
        ["nanoFramework.System.Device.Gpio"] = "1.1.62",
        ["nanoFramework.System.Device.Spi"] = "1.3.89",
        ["nanoFramework.Hardware.Esp32"] = "1.6.42",
        ["nanoFramework.TestFramework"] = "3.0.77",
        ["nanoFramework.System.Security.Cryptography"] = "1.0.43",
        ["nanoFramework.Iot.Device.Mfrc522"] = "1.2.883",
        ["nanoFramework.Iot.Device.Card"] = "1.2.937",
        ["nanoFramework.System.Device.I2c"] = "1.1.29",
        ["nanoFramework.Logging"] = "1.1.161",
        ["nanoFramework.System.Buffers.Binary.BinaryPrimitives"] = "1.2.907",
        ["nanoFramework.System.Diagnostics.Stopwatch"] = "1.2.907",
    };

    public const string CoreLibrary = "nanoFramework.CoreLibrary";
}
