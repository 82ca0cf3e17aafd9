using MedCard.Host.Crypto;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>Desktop flavour of the firmware tests' platform services: .NET's HMAC-SHA256 and AES stand in for
    /// nanoFramework's. The device flavour is firmware/MedCard.Firmware.Tests/Platform/TestPlatform.cs.
    /// <see cref="CryptoAvailable"/> off plays the emulator, which has no crypto (CryptoMarkingTests).</summary>
    public static class TestPlatform
    {
        public static bool CryptoAvailable = true;

        public static IHmacSha256 CreateHmac()
        {
            CryptoGate.Require(CryptoAvailable);
            return new DotNetHmacSha256();
        }

        public static IAes128 CreateAes()
        {
            CryptoGate.Require(CryptoAvailable);
            return new DotNetAes128();
        }
    }
}
