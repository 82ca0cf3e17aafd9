using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IEntropySource"/> on System.Random, which nanoFramework backs with the ESP32 hardware RNG.
    /// Espressif documents that RNG as truly random only while the RF subsystem (Wi-Fi/Bluetooth) runs; this
    /// reader keeps the radio off, so the bytes are unpredictable but not certified. They only fill the random
    /// part of the ISO 9564 format 4 PIN block; its secrecy rests on the per-transaction AES key.
    /// Fills through a reused scratch buffer: no allocation per call.
    /// </summary>
    public sealed class RandomEntropySource : IEntropySource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _scratch = new byte[16];

        /// <inheritdoc/>
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentException("buffer");
            }

            lock (_scratch)
            {
                int done = 0;
                while (done < count)
                {
                    _random.NextBytes(_scratch);
                    int n = count - done < _scratch.Length ? count - done : _scratch.Length;
                    Array.Copy(_scratch, 0, buffer, offset + done, n);
                    done += n;
                }

                Array.Clear(_scratch, 0, _scratch.Length);
            }
        }
    }
}
