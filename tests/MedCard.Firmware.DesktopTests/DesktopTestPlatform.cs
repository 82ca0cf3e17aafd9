using MedCard.Host.Crypto;
using MedCard.Protocol;

namespace MedCard.Firmware.Tests
{
    /// <summary>Desktop flavour of the firmware tests' platform services: .NET's HMAC-SHA256 and AES stand in for
    /// nanoFramework's. The device flavour is firmware/MedCard.Firmware.Tests/Platform/TestPlatform.cs.</summary>
    public static class TestPlatform
    {
        public static IHmacSha256 CreateHmac() => new DotNetHmacSha256();

        public static IAes128 CreateAes() => new DotNetAes128();
    }
}
