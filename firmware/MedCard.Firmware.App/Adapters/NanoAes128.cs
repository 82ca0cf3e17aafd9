using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IAes128"/> on nanoFramework's Aes in ECB mode without padding: one 16-byte block per call,
    /// as the ISO 9564 format 4 PIN block needs. Scratch blocks are wiped after use (they hold PIN blocks).
    /// </summary>
    public sealed class NanoAes128 : IAes128
    {
        private const int BlockSize = 16;
        private readonly byte[] _input = new byte[BlockSize];

        /// <inheritdoc/>
        public void EncryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            Run(true, key, input, inOff, output, outOff);
        }

        /// <inheritdoc/>
        public void DecryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            Run(false, key, input, inOff, output, outOff);
        }

        private void Run(bool encrypt, byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            if (key == null || key.Length != 16)
            {
                throw new ArgumentException("key");
            }

            if (input == null || output == null || inOff < 0 || outOff < 0
                || inOff > input.Length - BlockSize || outOff > output.Length - BlockSize)
            {
                throw new ArgumentException("block");
            }

            lock (_input)
            {
                Array.Copy(input, inOff, _input, 0, BlockSize);
                Aes aes = new Aes(CipherMode.ECB);
                aes.Key = key;
                byte[] result = encrypt ? aes.Encrypt(_input) : aes.Decrypt(_input);
                Array.Copy(result, 0, output, outOff, BlockSize);
                Array.Clear(result, 0, result.Length);
                Array.Clear(_input, 0, BlockSize);
            }
        }
    }
}
