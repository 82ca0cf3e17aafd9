using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Known answers for ISO 9564 format 4, computed independently (Python + the cryptography package's AES) from
    /// the field definitions: PIN field C=4|N|PIN|fill A|8 random bytes, PAN field M|PAN|0 padding,
    /// block = E(E(PIN field) XOR PAN field), key 00112233445566778899AABBCCDDEEFF, random 11..18.
    /// </summary>
    [TestClass]
    public class PinBlockFormat4Tests
    {
        private static readonly byte[] Key = TestKeys.FromHex("00112233445566778899AABBCCDDEEFF");
        private static readonly byte[] Random8 = TestKeys.Sequence(0x11, 8);

        private static byte[] Digits(string pin)
        {
            byte[] d = new byte[pin.Length];
            for (int i = 0; i < pin.Length; i++)
            {
                d[i] = (byte)(pin[i] - '0');
            }

            return d;
        }

        [TestMethod]
        [DataRow("1234", "A12345678", "00010123456780000000000000000000", "441234AAAAAAAAAA1112131415161718", "C42866E0B8021DC4B41252AEEFF95FE4")]
        [DataRow("123456789012", "1234567890123456789", "71234567890123456789000000000000", "4C123456789012AA1112131415161718", "929CF5673CBD51812D894AC394D46BF0")]
        [DataRow("0000", "123456789012", "01234567890120000000000000000000", "440000AAAAAAAAAA1112131415161718", "741BA1BA590FB942DB8D178CB2D9F412")]
        [DataRow("98765", "ZZ99999999999999999", "73599999999999999999000000000000", "4598765AAAAAAAAA1112131415161718", "CEEAFD2CFCF6686DCFAB36B925A3F120")]
        public void KnownAnswer(string pin, string cardNumber, string panHex, string pinFieldHex, string blockHex)
        {
            byte[] pan = new byte[16];
            PinBlockFormat4.EncodePanField(cardNumber, pan, 0);
            CollectionAssert.AreEqual(TestKeys.FromHex(panHex), pan, "PAN field");

            byte[] pinField = new byte[16];
            PinBlockFormat4.EncodePinField(Digits(pin), 0, pin.Length, Random8, 0, pinField, 0);
            CollectionAssert.AreEqual(TestKeys.FromHex(pinFieldHex), pinField, "PIN field");

            byte[] block = new byte[16];
            PinBlockFormat4.Encipher(TestPlatform.CreateAes(), Key, pinField, 0, pan, 0, block, 0);
            CollectionAssert.AreEqual(TestKeys.FromHex(blockHex), block, "enciphered block");
        }

        [TestMethod]
        public void DecodeBlockRecoversPin()
        {
            byte[] pin = new byte[12];
            int n = PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), Key, TestKeys.FromHex("929CF5673CBD51812D894AC394D46BF0"), 0, "1234567890123456789", pin, 0);
            Assert.AreEqual(12, n);
            CollectionAssert.AreEqual(Digits("123456789012"), pin);
        }

        [TestMethod]
        public void WrongCardNumberOrKeyDoesNotDecode()
        {
            byte[] block = TestKeys.FromHex("C42866E0B8021DC4B41252AEEFF95FE4");
            byte[] pin = new byte[12];
            Assert.AreEqual(-1, PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), Key, block, 0, "A12345679", pin, 0));
            byte[] otherKey = TestKeys.FromHex("00112233445566778899AABBCCDDEEFE");
            Assert.AreEqual(-1, PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), otherKey, block, 0, "A12345678", pin, 0));
            Assert.AreEqual(4, PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), Key, block, 0, "A12345678", pin, 0));
        }

        [TestMethod]
        public void PinFieldValidation()
        {
            byte[] out12 = new byte[12];
            Assert.AreEqual(-1, PinBlockFormat4.DecodePinField(TestKeys.FromHex("341234AAAAAAAAAA1112131415161718"), 0, out12, 0), "control nibble 3");
            Assert.AreEqual(-1, PinBlockFormat4.DecodePinField(TestKeys.FromHex("431234AAAAAAAAAA1112131415161718"), 0, out12, 0), "length 3");
            Assert.AreEqual(-1, PinBlockFormat4.DecodePinField(TestKeys.FromHex("4412B4AAAAAAAAAA1112131415161718"), 0, out12, 0), "non-digit");
            Assert.AreEqual(-1, PinBlockFormat4.DecodePinField(TestKeys.FromHex("441234AAAAAAAAAB1112131415161718"), 0, out12, 0), "bad fill");
            Assert.AreEqual(4, PinBlockFormat4.DecodePinField(TestKeys.FromHex("441234AAAAAAAAAAFFFFFFFFFFFFFFFF"), 0, out12, 0), "random part is free");
        }

        [TestMethod]
        public void RejectsBadInput()
        {
            byte[] field = new byte[16];
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => PinBlockFormat4.EncodePinField(Digits("123"), 0, 3, Random8, 0, field, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => PinBlockFormat4.EncodePinField(new byte[] { 1, 2, 3, 10 }, 0, 4, Random8, 0, field, 0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => PinBlockFormat4.EncodePanField("a123", field, 0));
        }
    }
}
