using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Device flavour of the tests' platform services: nanoFramework's HMACSHA256 and Aes (ECB, one block at a time).
    /// Compiled only by NFUnitTest.nfproj; the desktop runner supplies its own TestPlatform with .NET crypto.
    /// In the nanoFramework emulator there is no crypto: the first request probes it once, and tests needing it are
    /// then skipped there (CryptoGate) and run on hardware.
    /// </summary>
    public static class TestPlatform
    {
        private static bool _probed;
        private static bool _cryptoWorks;

        public static IHmacSha256 CreateHmac()
        {
            CryptoGate.Require(CryptoWorks());
            return new NanoHmacSha256();
        }

        public static IAes128 CreateAes()
        {
            CryptoGate.Require(CryptoWorks());
            return new NanoAes128();
        }

        // The emulator's nanoCLR has no native crypto: calling it throws (which exception depends on the build).
        private static bool CryptoWorks()
        {
            if (!_probed)
            {
                try
                {
                    HMACSHA256.HashData(new byte[] { 1 }, new byte[] { 2 });
                    _cryptoWorks = true;
                }
                catch (Exception)
                {
                    _cryptoWorks = false;
                }

                _probed = true;
            }

            return _cryptoWorks;
        }

        private sealed class NanoHmacSha256 : IHmacSha256
        {
            public byte[] Compute(byte[] key, byte[] data, int offset, int count)
            {
                byte[] slice = new byte[count];
                Array.Copy(data, offset, slice, 0, count);
                byte[] mac = HMACSHA256.HashData(key, slice);
                Array.Clear(slice, 0, slice.Length);
                return mac;
            }
        }

        private sealed class NanoAes128 : IAes128
        {
            public void EncryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
            {
                Run(true, key, input, inOff, output, outOff);
            }

            public void DecryptBlock(byte[] key, byte[] input, int inOff, byte[] output, int outOff)
            {
                Run(false, key, input, inOff, output, outOff);
            }

            private static void Run(bool encrypt, byte[] key, byte[] input, int inOff, byte[] output, int outOff)
            {
                byte[] block = new byte[16];
                Array.Copy(input, inOff, block, 0, 16);
                Aes aes = new Aes(CipherMode.ECB);
                aes.Key = key;
                byte[] result = encrypt ? aes.Encrypt(block) : aes.Decrypt(block);
                Array.Copy(result, 0, output, outOff, 16);
                Array.Clear(block, 0, block.Length);
                Array.Clear(result, 0, result.Length);
            }
        }
    }
}
