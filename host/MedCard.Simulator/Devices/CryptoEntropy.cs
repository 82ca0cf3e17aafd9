using System.Security.Cryptography;
using MedCard.Firmware.Hardware;

namespace MedCard.Simulator.Devices
{
    /// <summary>PIN block random fill from the OS CSPRNG (the ESP32 uses its hardware RNG).</summary>
    public sealed class CryptoEntropy : IEntropySource
    {
        public void NextBytes(byte[] buffer, int offset, int count) => RandomNumberGenerator.Fill(System.MemoryExtensions.AsSpan(buffer, offset, count));
    }
}
