using MedCard.Firmware.Card;
using MedCard.Firmware.Hardware;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// Issue 9, finding 4: a reader holds only what reading needs. Everything a reader can be given (the ProvisionCardKeys
    /// message, the drop file, its flash) carries the key-A master and nothing of the key-B master or the holder-data MAC
    /// key; with that material a card cannot be rewritten, and a card written with it is rejected by the issuer's MAC.
    /// </summary>
    [TestClass]
    public class KeySeparationTests
    {
        private static ReaderHarness ProvisionedOverTheLink()
        {
            ReaderHarness h = new ReaderHarness();
            h.Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            ProvisionCardKeys keys = new ProvisionCardKeys();
            keys.ReaderId = TestKeys.ReaderId;
            keys.KeyAMasterKey = TestKeys.KeyAMasterKey();
            ushort id = h.Request(keys);
            Assert.AreEqual((int)CardKeysStatus.Installed, (int)ProvisionCardKeysResponse.Decode(h.Host.ResponseTo(id).Payload, 0, 1).Status);
            return h;
        }

        [TestMethod]
        public void WhatAReaderIsGivenHoldsNeitherTheKeyBMasterNorTheMacKey()
        {
            ProvisionCardKeys message = new ProvisionCardKeys();
            message.ReaderId = TestKeys.ReaderId;
            message.KeyAMasterKey = TestKeys.KeyAMasterKey();
            byte[] payload = new byte[64];
            Assert.AreEqual(36, message.Encode(payload, 0), "reader id and the key-A master, nothing else");

            ReaderHarness h = ProvisionedOverTheLink();
            Assert.IsTrue(h.Store.AnyFileContains(TestKeys.KeyAMasterKey()), "sanity: the key-A master is stored");
            Assert.IsFalse(h.Store.AnyFileContains(TestKeys.KeyBMasterKey()), "no key-B master in the reader's flash");
            Assert.IsFalse(h.Store.AnyFileContains(TestKeys.HolderMacKey()), "no holder-data MAC key in the reader's flash");
            Assert.AreEqual(CardKeyDropFileLength(), CardKeys.KeyLength, "the drop file is the key-A master only");
        }

        private static int CardKeyDropFileLength()
        {
            return MedCard.Firmware.Storage.CardKeyDropFile.FileLength;
        }

        [TestMethod]
        public void ReaderMaterialOpensTheCardForReadingButCannotWriteIt()
        {
            FakeMifareCard card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);
            FakeCardField field = new FakeCardField();
            field.Card = card;
            DetectedCard detected = new DetectedCard();
            field.TryDetect(detected);
            SectorKeyDiversifier d = new SectorKeyDiversifier(TestPlatform.CreateHmac());
            byte[] keyA = new byte[6];
            d.DeriveKeyA(TestCards.Keys(), TestKeys.Uid4(), 4, CardLayout.FirstSector, keyA);
            int block = CardLayout.DataBlock(0);
            byte[] forged = new byte[16];

            Assert.IsTrue(field.Authenticate(block, MifareKeyType.KeyA, keyA, 0), "key A reads");
            Assert.IsFalse(field.WriteBlock(block, forged, 0), "key A may not write holder data");
            field.Reselect();
            Assert.IsFalse(field.WriteBlock(CardLayout.TrailerBlock(CardLayout.FirstSector), forged, 0), "nor the trailer");

            // The best a reader can do for key B: its own master through the key-B derivation. The card refuses it.
            byte[] guess = new byte[6];
            d.DeriveKeyB(new IssuerCardKeys(TestKeys.HolderMacKey(0x01), TestKeys.KeyAMasterKey(), TestKeys.HolderMacKey()), TestKeys.Uid4(), 4, CardLayout.FirstSector, guess);
            field.Reselect();
            Assert.IsFalse(field.Authenticate(block, MifareKeyType.KeyB, guess, 0), "key B cannot be had from the reader's master");
            field.Reselect();
            Assert.IsFalse(field.Authenticate(block, MifareKeyType.KeyB, keyA, 0), "key B is not key A");
        }

        [TestMethod]
        public void ACardWrittenWithAReaderOnlyKeySetFailsTheIssuersMac()
        {
            // An attacker with a stolen reader's key-A master writes a blank card of their own, with made-up key-B and
            // MAC keys: readers read it (key A is the scheme's), but the holder MAC is not the issuer's, so the host
            // rejects it.
            IssuerCardKeys readerOnly = new IssuerCardKeys(TestKeys.KeyAMasterKey(), TestKeys.Sequence(0x11, 32), TestKeys.Sequence(0x31, 32));
            FakeMifareCard blank = new FakeMifareCard(new byte[] { 0x0B, 0xAD, 0xF0, 0x0D });
            FakeCardField station = new FakeCardField();
            station.Card = blank;
            DetectedCard detected = new DetectedCard();
            station.TryDetect(detected);
            Assert.AreEqual((int)PersonaliseStatus.Ok,
                (int)new CardPersonaliser(station, TestPlatform.CreateHmac(), readerOnly).Personalise(detected, TestCards.Holder(TestKeys.CardNumber), CardPersonaliser.FactoryTransportKey));

            ReaderHarness h = ReaderHarness.Provisioned();
            h.Present(blank);
            ReceivedFrame f = h.Host.Last(MessageType.CardPresented);
            CardPresented p = CardPresented.Decode(f.Payload, 0, f.Payload.Length);
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)p.HolderStatus, "the reader cannot tell");
            byte[] image = new byte[HolderImageLayout.CoveredLength];
            HolderImageLayout.WriteCovered(p.ResidentId, (byte)p.Gender, p.CardNumber, p.NameUtf8, p.NameUtf8.Length, image, 0);
            Assert.IsFalse(new HolderDataMac(TestPlatform.CreateHmac()).Verify(TestKeys.HolderMacKey(), p.Uid, p.Uid.Length, image, 0, p.IssuerMac, 0),
                "the issuer's MAC key rejects it");
        }
    }
}
