using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>Deterministic "random" bytes (0x11, 0x12, ...) so PIN blocks are reproducible in tests.</summary>
    public sealed class FakeEntropy : IEntropySource
    {
        private byte _next = 0x11;

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _next++;
            }
        }
    }
}
