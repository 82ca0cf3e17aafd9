namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// Unpredictable bytes for the random fill of the ISO 9564 format 4 PIN block.
    /// On the ESP32, System.Random is backed by the hardware RNG (with RF enabled).
    /// </summary>
    public interface IEntropySource
    {
        /// <summary>Fill buffer[offset..offset+count) with random bytes.</summary>
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
