using MedCard.Firmware.Keypad;
using MedCard.Firmware.Pin;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>Known answers computed independently with Python's hmac/hashlib and the cryptography package.</summary>
    [TestClass]
    public class PinKeyDerivationTests
    {
        [TestMethod]
        public void KnownAnswer()
        {
            byte[] key = new byte[16];
            PinKeyDerivation.Derive(TestPlatform.CreateHmac(), TestKeys.ReaderKey(), TestKeys.ReaderId, 1, key);
            CollectionAssert.AreEqual(TestKeys.FromHex("4802EB08B2363EA6AB47D9B600A2DBA2"), key);
        }

        [TestMethod]
        public void EveryCounterGetsItsOwnKey()
        {
            byte[] k1 = new byte[16];
            byte[] k2 = new byte[16];
            PinKeyDerivation.Derive(TestPlatform.CreateHmac(), TestKeys.ReaderKey(), TestKeys.ReaderId, 1, k1);
            PinKeyDerivation.Derive(TestPlatform.CreateHmac(), TestKeys.ReaderKey(), TestKeys.ReaderId, 2, k2);
            CollectionAssert.AreNotEqual(k1, k2);
        }

        [TestMethod]
        public void EncoderProducesKnownBlockAndWipesTheEntry()
        {
            PinEntry entry = new PinEntry();
            entry.Start(4, 12);
            entry.Press('1');
            entry.Press('2');
            entry.Press('3');
            entry.Press('4');
            entry.Press('#');
            PinBlockEncoder encoder = new PinBlockEncoder(TestPlatform.CreateHmac(), TestPlatform.CreateAes(), new FakeEntropy());
            byte[] block = new byte[16];
            encoder.Encode(entry, "A12345678", TestKeys.ReaderKey(), TestKeys.ReaderId, 1, block, 0);
            CollectionAssert.AreEqual(TestKeys.FromHex("6EA6A5F4290F4FD9A3FFB18AF320B426"), block);
            Assert.IsTrue(entry.IsWiped, "the PIN digits are wiped once the block exists");
        }

        [TestMethod]
        public void EncoderRefusesAnIncompleteEntryAndStillWipes()
        {
            PinEntry entry = new PinEntry();
            entry.Start(4, 12);
            entry.Press('1');
            PinBlockEncoder encoder = new PinBlockEncoder(TestPlatform.CreateHmac(), TestPlatform.CreateAes(), new FakeEntropy());
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => encoder.Encode(entry, "A1", TestKeys.ReaderKey(), 1, 1, new byte[16], 0));
            Assert.IsTrue(entry.IsWiped);
        }

        [TestMethod]
        public void HostSideInverseRecoversThePin()
        {
            byte[] key = new byte[16];
            PinKeyDerivation.Derive(TestPlatform.CreateHmac(), TestKeys.ReaderKey(), TestKeys.ReaderId, 1, key);
            byte[] pin = new byte[12];
            int n = PinBlockFormat4.DecodeBlock(TestPlatform.CreateAes(), key, TestKeys.FromHex("6EA6A5F4290F4FD9A3FFB18AF320B426"), 0, "A12345678", pin, 0);
            Assert.AreEqual(4, n);
            Assert.AreEqual((byte)1, pin[0]);
            Assert.AreEqual((byte)4, pin[3]);
        }
    }
}
