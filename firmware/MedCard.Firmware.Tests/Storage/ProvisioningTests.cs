using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class ProvisioningTests
    {
        [TestMethod]
        public void ProvisionOnceThenRefuse()
        {
            FakeByteStore store = new FakeByteStore();
            Provisioning p = new Provisioning(store);
            Assert.IsFalse(p.IsProvisioned);
            Assert.AreEqual((int)ProvisionStatus.Provisioned, (int)p.Provision(7, TestKeys.ReaderKey()));
            Assert.AreEqual((int)ProvisionStatus.AlreadyProvisioned, (int)p.Provision(8, TestKeys.HolderMacKey()));
            Assert.AreEqual(7u, p.ReaderId);
            Assert.AreEqual(7u, new Provisioning(store).ReaderId, "persisted");
        }

        [TestMethod]
        public void ReaderIdZeroIsInvalid()
        {
            Assert.AreEqual((int)ProvisionStatus.InvalidReaderId, (int)new Provisioning(new FakeByteStore()).Provision(0, TestKeys.ReaderKey()));
        }

        [TestMethod]
        public void StorageFailureLeavesTheReaderUnprovisioned()
        {
            FakeByteStore store = new FakeByteStore();
            store.FailWrites = 1;
            Provisioning p = new Provisioning(store);
            Assert.AreEqual((int)ProvisionStatus.StorageFailure, (int)p.Provision(7, TestKeys.ReaderKey()));
            Assert.IsFalse(p.IsProvisioned);
        }

        [TestMethod]
        public void CardKeysPersist()
        {
            FakeByteStore store = new FakeByteStore();
            Assert.IsTrue(new Provisioning(store).InstallCardKeys(TestKeys.KeyAMasterKey()));
            Assert.IsNotNull(new Provisioning(store).CardKeys);
        }

        [TestMethod]
        public void WipeRemovesKeysFromMemoryAndFlash()
        {
            FakeByteStore store = new FakeByteStore();
            Provisioning p = new Provisioning(store);
            p.Provision(7, TestKeys.ReaderKey());
            p.InstallCardKeys(TestKeys.KeyAMasterKey());
            Assert.IsTrue(store.AnyFileContains(TestKeys.ReaderKey()), "sanity: the key is stored before the wipe");
            p.Wipe();
            Assert.IsFalse(p.IsProvisioned);
            Assert.IsNull(p.CardKeys);
            Assert.IsFalse(store.AnyFileContains(TestKeys.ReaderKey()));
            Assert.IsFalse(store.AnyFileContains(TestKeys.KeyAMasterKey()));
            Assert.IsFalse(new Provisioning(store).IsProvisioned);
            Assert.AreEqual((int)ProvisionStatus.Provisioned, (int)p.Provision(7, TestKeys.ReaderKey()), "can be provisioned again");
        }
    }
}
