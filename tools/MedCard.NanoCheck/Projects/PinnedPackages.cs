using System;
using System.Collections.Generic;

namespace MedCard.NanoCheck.Projects;

/// <summary>
/// THE pinned nanoFramework package set: the only place in the tool that names versions. Versions are
/// the release tags of shared/nanoframework-api/README.md, except nanoFramework.Runtime.Events: Hardware.Esp32
/// 1.6.42 requires 1.11.39 (below), a release the API data's repository snapshot has no tag for; its data (v1.11.37)
/// stands for it, since the only later commit on main touches no .cs file (API data README). The IoT.Device bindings
/// have no tags there, so they are pinned to the NuGet releases the project agreed on (Mfrc522 1.2.883 itself pins
/// Card 1.2.937). A packages.config entry with another version, or an id not listed here, is an error.
/// </summary>
public static class PinnedPackages
{
    public static readonly IReadOnlyDictionary<string, string> Versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["nanoFramework.CoreLibrary"] = "1.17.11",
        ["nanoFramework.System.Text"] = "1.3.42",
        ["nanoFramework.System.Collections"] = "1.5.75",
        ["nanoFramework.Runtime.Events"] = "1.11.39",
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

    public const string TestFramework = "nanoFramework.TestFramework";

    /// <summary>
    /// The dependency minimums each pinned package declares in its .nuspec (<c>&lt;dependency id version&gt;</c>, a
    /// NuGet minimum), read from the package repository at the pinned release tag (for the IoT.Device bindings: the
    /// commit the API data was made from). The API data does not carry them. Packages whose nuspec names only
    /// CoreLibrary 1.17.11 are listed too, so a CoreLibrary change is checked against them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, PackageDependency[]> Dependencies = new Dictionary<string, PackageDependency[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["nanoFramework.Hardware.Esp32"] = Needs("nanoframework/nanoFramework.Hardware.Esp32 v1.6.42, nanoFramework.Hardware.Esp32.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Runtime.Events", "1.11.39")),
        ["nanoFramework.System.IO.FileSystem"] = Needs("nanoframework/System.IO.FileSystem v1.1.93, nanoFramework.System.IO.FileSystem.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Runtime.Events", "1.11.37"), ("nanoFramework.System.IO.Streams", "1.1.96"), ("nanoFramework.System.Text", "1.3.42")),
        ["nanoFramework.System.IO.Ports"] = Needs("nanoframework/System.IO.Ports v1.1.139, nanoFramework.System.IO.Ports.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Runtime.Events", "1.11.37"), ("nanoFramework.System.IO.Streams", "1.1.96")),
        ["nanoFramework.System.Device.Gpio"] = Needs("nanoframework/System.Device.Gpio v1.1.62, nanoFramework.System.Device.Gpio.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Runtime.Events", "1.11.37")),
        ["nanoFramework.System.Device.Spi"] = Needs("nanoframework/System.Device.Spi v1.3.89, nanoFramework.System.Device.Spi.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Runtime.Events", "1.11.37"), ("nanoFramework.System.Device.Gpio", "1.1.62")),
        ["nanoFramework.System.IO.Streams"] = Needs("nanoframework/System.IO.Streams v1.1.96, nanoFramework.System.IO.Streams.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.System.Text", "1.3.42")),
        ["nanoFramework.Iot.Device.Mfrc522"] = Needs("nanoframework/nanoFramework.IoT.Device 122ebb1a, devices/Mfrc522/Mfrc522.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Iot.Device.Card", "1.2.937"), ("nanoFramework.System.Buffers.Binary.BinaryPrimitives", "1.2.862"),
            ("nanoFramework.System.Diagnostics.Stopwatch", "1.2.862"), ("nanoFramework.Logging", "1.1.161"), ("nanoFramework.Runtime.Events", "1.11.32"),
            ("nanoFramework.Runtime.Native", "1.7.11"), ("nanoFramework.System.Device.Gpio", "1.1.57"), ("nanoFramework.System.Device.I2c", "1.1.29"),
            ("nanoFramework.System.Device.Spi", "1.3.82"), ("nanoFramework.System.IO.Ports", "1.1.132"), ("nanoFramework.System.Text", "1.3.42"),
            ("nanoFramework.System.IO.Streams", "1.1.96")),
        ["nanoFramework.Iot.Device.Card"] = Needs("nanoframework/nanoFramework.IoT.Device 122ebb1a, devices/Card/Card.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.System.Text", "1.3.42"), ("nanoFramework.Logging", "1.1.161")),
        ["nanoFramework.System.Diagnostics.Stopwatch"] = Needs("nanoframework/nanoFramework.IoT.Device 122ebb1a, devices/System.Diagnostics.Stopwatch/System.Diagnostics.Stopwatch.nuspec",
            (CoreLibrary, "1.17.11"), ("nanoFramework.Runtime.Native", "1.7.11")),
        ["nanoFramework.System.Buffers.Binary.BinaryPrimitives"] = Needs("nanoframework/nanoFramework.IoT.Device 122ebb1a, devices/System.Buffers.Binary.BinaryPrimitives/System.Buffers.Binary.BinaryPrimitives.nuspec",
            (CoreLibrary, "1.17.11")),
        ["nanoFramework.Logging"] = Needs("nanoframework/nanoFramework.Logging v1.1.161, nanoFramework.Logging.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.Runtime.Events"] = Needs("nanoframework/nanoFramework.Runtime.Events v1.11.37, nanoFramework.Runtime.Events.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.Runtime.Native"] = Needs("nanoframework/nanoFramework.Runtime.Native v1.7.11, nanoFramework.Runtime.Native.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.System.Text"] = Needs("nanoframework/System.Text v1.3.42, nanoFramework.System.Text.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.System.Collections"] = Needs("nanoframework/System.Collections v1.5.75, nanoFramework.System.Collections.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.System.Math"] = Needs("nanoframework/System.Math v1.5.116, nanoFramework.System.Math.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.System.Device.I2c"] = Needs("nanoframework/System.Device.I2c v1.1.29, nanoFramework.System.Device.I2c.nuspec", (CoreLibrary, "1.17.11")),
        ["nanoFramework.System.Security.Cryptography"] = Needs("nanoframework/System.Security.Cryptography v1.0.43, nanoFramework.System.Security.Cryptography.nuspec", (CoreLibrary, "1.17.11")),
    };

    /// <summary>
    /// Files a package ships in <c>lib\</c> beyond the <c>.dll</c> of each assembly the API data names: the test
    /// framework also packs its launcher (nanoframework/nanoFramework.TestFramework v3.0.77, source/package.nuspec:
    /// <c>UnitTestLauncher\bin\Release\nanoFramework.UnitTestLauncher.*</c> into <c>lib</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ExtraLibFiles = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        [TestFramework] = ["nanoFramework.UnitTestLauncher.exe"],
    };

    /// <summary>Compares dotted numeric versions (1.11.37 &lt; 1.11.39); false when either is not numeric.</summary>
    public static bool IsBelow(string version, string minimum) =>
        Version.TryParse(version, out Version? v) && Version.TryParse(minimum, out Version? m) && v < m;

    private static PackageDependency[] Needs(string source, params (string Id, string Minimum)[] dependencies) =>
        Array.ConvertAll(dependencies, d => new PackageDependency(d.Id, d.Minimum, source));
}
