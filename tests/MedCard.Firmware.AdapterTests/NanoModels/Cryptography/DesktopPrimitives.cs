using System;
using System.Reflection;
using System.Security.Cryptography;

namespace MedCard.Firmware.AdapterTests.NanoModels.Cryptography
{
    /// <summary>
    /// The arithmetic under the crypto models: .NET's own HMAC-SHA256 and AES (mbedTLS computes the same functions on
    /// the device). Reached through types the models do not shadow: IncrementalHash, and the BCL's Aes through its
    /// SymmetricAlgorithm base (this project's source type named Aes hides the BCL one by name).
    /// </summary>
    internal static class DesktopPrimitives
    {
        private static readonly MethodInfo AesCreate = typeof(SymmetricAlgorithm).Assembly
            .GetType("System.Security.Cryptography.Aes", throwOnError: true)!
            .GetMethod("Create", Type.EmptyTypes)!;

        public static byte[] HmacSha256(byte[] key, byte[] data)
        {
            using IncrementalHash mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            mac.AppendData(data);
            return mac.GetHashAndReset();
        }

        public static byte[] AesEcb(bool encrypt, byte[] key, byte[] data)
        {
            using SymmetricAlgorithm aes = (SymmetricAlgorithm)AesCreate.Invoke(null, null)!;
            aes.Key = key;
            return encrypt ? aes.EncryptEcb(data, PaddingMode.None) : aes.DecryptEcb(data, PaddingMode.None);
        }
    }
}
