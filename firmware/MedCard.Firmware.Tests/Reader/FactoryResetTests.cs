using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class FactoryResetTests
    {
        private static ushort Wipe(ReaderHarness h, uint confirmId)
        {
            Reset reset = new Reset();
            reset.Mode = ResetMode.FactoryWipe;
            reset.ConfirmReaderId = confirmId;
            return h.Request(reset);
        }

        [TestMethod]
        public void WrongConfirmationIdIsRefused()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            ushort id = Wipe(h, 1);
            Assert.IsTrue(h.Host.ResponseTo(id).Header.IsError);
            Assert.IsTrue(h.Reader.Provisioning.IsProvisioned);
            Assert.IsFalse(h.Reader.RebootRequested);
        }

        [TestMethod]
        public void WipeForgetsKeyJournalAndHotlistButNotTheCounter()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            HotlistUpdate u = new HotlistUpdate();
            u.Version = 3;
            u.CardNumbers = new string[] { "X" };
            h.Request(u);
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            h.Run(2000);
            h.PayWithPin(100, 2);
            ushort id = Wipe(h, TestKeys.ReaderId);
            Assert.IsTrue(h.Host.ResponseTo(id).Header.IsAck);
            Assert.IsTrue(h.Reader.RebootRequested);

            h.Reboot();
            Assert.IsFalse(h.Reader.Provisioning.IsProvisioned);
            Assert.AreEqual(0, h.Reader.Journal.Count);
            Assert.AreEqual(0u, h.Reader.Hotlist.ActiveVersion);
            Assert.AreEqual(2u, h.Reader.Counter.Last, "the counter survives the wipe");
            Assert.IsFalse(h.Store.AnyFileContains(TestKeys.ReaderKey()), "no copy of the key is left in flash");
        }

        [TestMethod]
        public void ReprovisionedUnderTheSameIdTheCounterContinues()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            h.PayWithPin(100, 1);
            Wipe(h, TestKeys.ReaderId);
            h.Reboot();

            Provision p = new Provision();
            p.ReaderId = TestKeys.ReaderId;
            p.Key = TestKeys.ReaderKey();
            ushort id = h.Request(p);
            ProvisionResponse r = ProvisionResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)ProvisionStatus.Provisioned, (int)r.Status);
            h.Reader.InstallCardKeys(TestKeys.KeyAMasterKey());
            h.Run(1000);
            AuthorizeResponse a = h.PayWithPin(100, 2);
            Assert.AreEqual((int)AuthorizeStatus.Approved, (int)a.Status);
            Assert.AreEqual(2u, a.Record.Counter, "never restarts at 1 under the same id");
        }

        [TestMethod]
        public void ProvisionResponseNeverCarriesTheKey()
        {
            ReaderHarness h = new ReaderHarness();
            Provision p = new Provision();
            p.ReaderId = 5;
            p.Key = TestKeys.ReaderKey();
            ushort id = h.Request(p);
            byte[] payload = h.Host.ResponseTo(id).Payload;
            Assert.AreEqual(ProvisionResponse.EncodedLength, payload.Length);
            id = h.Request(p);
            ProvisionResponse again = ProvisionResponse.Decode(h.Host.ResponseTo(id).Payload, 0, h.Host.ResponseTo(id).Payload.Length);
            Assert.AreEqual((int)ProvisionStatus.AlreadyProvisioned, (int)again.Status);
            Assert.AreEqual(5u, again.ReaderId);
        }

        [TestMethod]
        public void WipeDuringPinEntryAnswersThePendingRequest()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            h.PresentTestCard();
            ushort pinId = h.RequestPin();
            h.Type("12");
            Wipe(h, TestKeys.ReaderId);
            ReceivedFrame f = h.Host.ResponseTo(pinId);
            Assert.IsNotNull(f);
            Assert.AreEqual((int)PinEntryStatus.NotProvisioned, (int)PinBlockResponse.Decode(f.Payload, 0, f.Payload.Length).Status);
            Assert.AreEqual(0, h.Reader.PinDigitCount);
            Assert.AreEqual((int)MedCard.Firmware.Reader.ReaderState.WaitingRemoval, (int)h.Reader.State);
        }

        [TestMethod]
        public void RebootRequestIsAcknowledgedFirst()
        {
            ReaderHarness h = ReaderHarness.Provisioned();
            Reset reset = new Reset();
            reset.Mode = ResetMode.Reboot;
            ushort id = h.Request(reset);
            Assert.IsTrue(h.Host.ResponseTo(id).Header.IsAck);
            Assert.IsTrue(h.Reader.RebootRequested);
            Assert.IsTrue(h.Reader.Provisioning.IsProvisioned);
        }
    }
}
