using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Host.Crypto
{
    /// <summary>
    /// Single-block AES-128 for the host (ECB on exactly one block, no padding), matching nanoFramework's Aes used
    /// by the reader. A new Aes instance per call: keys are per transaction, so nothing is worth caching and no key
    /// outlives the call.
    /// </summary>
    public sealed class DotNetAes128 : IAes128
    {
        private const int BlockSize = 16;

        /// <inheritdoc />
        public void EncryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            Transform(key, input, inOff, output, outOff, encrypt: true);
        }

        /// <inheritdoc />
        public void DecryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
        {
            Transform(key, input, inOff, output, outOff, encrypt: false);
        }

        private static void Transform(byte[] key, byte[] input, int inOff, byte[] output, int outOff, bool encrypt)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(output);
            if (key.Length != 16)
            {
                throw new ArgumentException("AES-128 needs a 16-byte key.", nameof(key));
            }

            if (inOff < 0 || inOff > input.Length - BlockSize)
            {
                throw new ArgumentOutOfRangeException(nameof(inOff));
            }

            if (outOff < 0 || outOff > output.Length - BlockSize)
            {
                throw new ArgumentOutOfRangeException(nameof(outOff));
            }

            using Aes aes = Aes.Create();
            aes.Key = key;
            ReadOnlySpan<byte> src = input.AsSpan(inOff, BlockSize);
            Span<byte> dst = output.AsSpan(outOff, BlockSize);
            int written = encrypt
                ? aes.EncryptEcb(src, dst, PaddingMode.None)
                : aes.DecryptEcb(src, dst, PaddingMode.None);
            if (written != BlockSize)
            {
                throw new CryptographicException("AES block transform wrote an unexpected length.");
            }
        }
    }
}
