using System;

namespace MedCard.Firmware.AdapterTests.Models
{
    /// <summary>Published vectors the models and adapters are checked against; each read is a fresh array, so an adapter
    /// that wipes a key it was given cannot spoil another test.</summary>
    internal static class TestVectors
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        public static byte[] Rfc4231Case2Key => new byte[] { 0x4a, 0x65, 0x66, 0x65 };
        public static byte[] Rfc4231Case2Data => "what do ya want for nothing?"u8.ToArray();
        public static byte[] Rfc4231Case2Mac => Convert.FromHexString("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

        // NIST SP 800-38A F.1.1 ECB-AES128, block 1.
        public static byte[] Sp80038aKey => Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        public static byte[] Sp80038aPlain => Convert.FromHexString("6bc1bee22e409f96e93d7e117393172a");
        public static byte[] Sp80038aCipher => Convert.FromHexString("3ad77bb40d7a3660a89ecaf32466ef97");
    }
}
