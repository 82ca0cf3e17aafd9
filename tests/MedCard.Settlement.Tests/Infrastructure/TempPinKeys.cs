using System;
using System.IO;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>A PIN key file in its own temporary folder, removed afterwards.</summary>
public sealed class TempPinKeys : IDisposable
{
    private readonly string _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medcard-pvk-" + Guid.NewGuid().ToString("N")[..12]);

    public TempPinKeys()
    {
        Directory.CreateDirectory(_dir);
        Path = System.IO.Path.Combine(_dir, "pin-keys");
    }

    public string Path { get; }

    /// <summary>Opens the file, creating it with one key on first use.</summary>
    public PinKeyFile Open() => PinKeyFile.OpenOrCreate(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
