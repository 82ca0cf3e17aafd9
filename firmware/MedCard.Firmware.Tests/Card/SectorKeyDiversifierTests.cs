using MedCard.Firmware.Card;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>Key A and key B per card and sector, from separate masters (issue 9, finding 4).</summary>
    [TestClass]
    public class SectorKeyDiversifierTests
    {
        [TestMethod]
        public void KnownAnswersForSectorOne()
        {
            // Computed with Python's hmac module:
            // key A = HMAC-SHA256(40..5F, "MedCard.SectorKeyA.v2" 04 DEADBEEF 01)[0..6)
            // key B = HMAC-SHA256(C0..DF, "MedCard.SectorKeyB.v2" 04 DEADBEEF 01)[0..6)
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac());
            byte[] a = new byte[6];
            byte[] b = new byte[6];
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid4(), 4, 1, a);
            CollectionAssert.AreEqual(TestKeys.FromHex("5422818E1601"), a);
            d.DeriveKeyB(TestCards.IssuerKeys(), TestKeys.Uid4(), 4, 1, b);
            CollectionAssert.AreEqual(TestKeys.FromHex("C6C3A26F3482"), b);
        }

        [TestMethod]
        public void ReaderAndIssuerDeriveTheSameKeyA()
        {
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac());
            byte[] reader = new byte[6];
            byte[] issuer = new byte[6];
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid7(), 7, 3, reader);
            d.DeriveKeyA(TestCards.IssuerKeys(), TestKeys.Uid7(), 7, 3, issuer);
            CollectionAssert.AreEqual(issuer, reader);
        }

        [TestMethod]
        public void KeyBIsNotTheKeyADerivationOfAnyReaderMaterial()
        {
            // What a reader holds, run through the key-B derivation (domain B, the reader's own master as if it were the
            // key-B master), gives a different key: the reader's material says nothing about key B.
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac());
            IssuerCardKeys pretend = new IssuerCardKeys(TestKeys.KeyAMasterKey(), TestKeys.KeyAMasterKey(0x01), TestKeys.HolderMacKey());
            byte[] realB = new byte[6];
            byte[] guessB = new byte[6];
            byte[] a = new byte[6];
            d.DeriveKeyB(TestCards.IssuerKeys(), TestKeys.Uid4(), 4, 1, realB);
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid4(), 4, 1, a);
            d.DeriveKeyB(pretend, TestKeys.Uid4(), 4, 1, guessB);
            CollectionAssert.AreNotEqual(realB, a);
            CollectionAssert.AreNotEqual(realB, guessB);
        }

        [TestMethod]
        public void KeysDifferPerSectorAndPerCard()
        {
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac());
            byte[] a1 = new byte[6];
            byte[] a2 = new byte[6];
            byte[] b1 = new byte[6];
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid4(), 4, 1, a1);
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid4(), 4, 2, a2);
            CollectionAssert.AreNotEqual(a1, a2);
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid7(), 7, 1, a2);
            CollectionAssert.AreNotEqual(a1, a2);
            d.DeriveKeyB(TestCards.IssuerKeys(), TestKeys.Uid4(), 4, 1, b1);
            CollectionAssert.AreNotEqual(a1, b1);
            CollectionAssert.AreNotEqual(CardPersonaliser.FactoryTransportKey, a1);
        }

        [TestMethod]
        public void IssuerKeysMustBeThreeDifferentUsableKeys()
        {
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => new IssuerCardKeys(TestKeys.KeyAMasterKey(), TestKeys.KeyAMasterKey(), TestKeys.HolderMacKey()));
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => new IssuerCardKeys(TestKeys.KeyAMasterKey(), TestKeys.KeyBMasterKey(), new byte[32]));
            Assert.ThrowsException(typeof(System.ArgumentException),
                () => new IssuerCardKeys(TestKeys.KeyAMasterKey(), TestKeys.KeyBMasterKey(), TestKeys.KeyBMasterKey()));
            Assert.AreEqual("IssuerCardKeys(****)", TestCards.IssuerKeys().ToString());
        }
    }
}
