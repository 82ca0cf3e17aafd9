using System;
using System.Security.Cryptography;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Hardware;

/// <summary>PIN block random fill from the operating system's CSPRNG (the ESP32 uses its hardware RNG).</summary>
internal sealed class SystemEntropy : IEntropySource
{
    public void NextBytes(byte[] buffer, int offset, int count) => RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
}
