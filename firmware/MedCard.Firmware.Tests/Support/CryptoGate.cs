using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The one rule for tests that need crypto where there is none: skip, never fail. Both flavours of TestPlatform
    /// call it before handing out an HMAC or AES; a Setup that needs crypto thereby skips its whole class, which is
    /// how nanoFramework's launcher treats a skipped Setup.
    /// </summary>
    public static class CryptoGate
    {
        public const string SkipReason = "needs HMAC-SHA256/AES, which this runtime lacks (nanoFramework emulator); runs on hardware and on the desktop";

        public static void Require(bool available)
        {
            if (!available)
            {
                Assert.SkipTest(SkipReason);
            }
        }
    }
}
