using System;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Marks a test class that needs no HMAC-SHA256 or AES, so it runs completely where crypto is absent (the
    /// nanoFramework emulator). Every other class reaches crypto only through TestPlatform, which skips the test
    /// (Assert.SkipTest, see CryptoGate) instead of failing it there. The desktop suite checks the mark both ways:
    /// a marked class must not need crypto, an unmarked one must.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class CryptoFreeAttribute : Attribute
    {
    }
}
