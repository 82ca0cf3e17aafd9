using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The card-keys drop file (<see cref="CardKeyDropFile"/>): consumed once whatever it holds, one-time like the
    /// ProvisionCardKeys message, kept only when storing failed, and safe against a power cut at any write.
    /// Whether the right keys are in force is checked the way it matters: a personalised test card reads.
    /// </summary>
    [TestClass]
    public class CardKeyDropFileTests
    {
        // The drop file is the key-A master and nothing else.
        private static byte[] DropImage(byte[] master)
        {
            return (byte[])master.Clone();
        }

        private static FakeByteStore StoreWithDrop(byte[] content)
        {
            FakeByteStore store = new FakeByteStore();
            store.Put(CardKeyDropFile.FileName, content);
            return store;
        }

        // A reader over this store, provisioned with its id and key (not the card keys), shown the test card.
        private static HolderDataStatus TestCardReadsAs(FakeByteStore store)
        {
            ReaderHarness h = new ReaderHarness(store);
            if (!h.Reader.Provisioning.IsProvisioned)
            {
                h.Reader.Provisioning.Provision(TestKeys.ReaderId, TestKeys.ReaderKey());
            }

            h.PresentTestCard();
            ReceivedFrame f = h.Host.Last(MessageType.CardPresented);
            Assert.IsNotNull(f, "the card was reported");
            return CardPresented.Decode(f.Payload, 0, f.Payload.Length).HolderStatus;
        }

        [TestMethod]
        public void NoFileIsTheNormalBoot()
        {
            FakeByteStore store = new FakeByteStore();
            Provisioning p = new Provisioning(store);
            Assert.AreEqual((int)CardKeyDropResult.NoFile, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsFalse(p.HasCardKeys);
            Assert.AreEqual(0, store.Writes);
        }

        [TestMethod]
        public void WellFormedFileIsInstalledAndDestroyed()
        {
            FakeByteStore store = StoreWithDrop(DropImage(TestKeys.KeyAMasterKey()));
            Provisioning p = new Provisioning(store);
            Assert.AreEqual((int)CardKeyDropResult.Installed, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsTrue(p.HasCardKeys);
            Assert.IsFalse(store.Exists(CardKeyDropFile.FileName), "consumed");
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)TestCardReadsAs(store), "the installed keys open the card");
        }

        [TestMethod]
        public void ReaderCoreInstallsFromItsOwnStore()
        {
            FakeByteStore store = StoreWithDrop(DropImage(TestKeys.KeyAMasterKey()));
            ReaderHarness h = new ReaderHarness(store);
            Assert.AreEqual((int)CardKeyDropResult.Installed, (int)h.Reader.InstallCardKeysFromDropFile());
            Assert.AreEqual((int)CardKeyDropResult.NoFile, (int)h.Reader.InstallCardKeysFromDropFile(), "once");
            Assert.IsTrue(h.Reader.Provisioning.HasCardKeys);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(31)]
        [DataRow(33)]
        [DataRow(64)]
        [DataRow(4000)]
        public void WrongLengthIsDestroyedWithoutInstalling(int length)
        {
            byte[] content = new byte[length];
            for (int i = 0; i < length; i++)
            {
                content[i] = (byte)(i + 1);
            }

            FakeByteStore store = StoreWithDrop(content);
            Provisioning p = new Provisioning(store);
            Assert.AreEqual((int)CardKeyDropResult.Malformed, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsFalse(p.HasCardKeys);
            Assert.IsFalse(store.Exists(CardKeyDropFile.FileName));
        }

        [TestMethod]
        public void ReaderWithCardKeysKeepsThemAndTheFileIsDestroyed()
        {
            byte[] otherMaster = TestKeys.Sequence(0x70, 32);
            FakeByteStore store = StoreWithDrop(DropImage(otherMaster));
            Provisioning p = new Provisioning(store);
            Assert.IsTrue(p.InstallCardKeys(TestKeys.KeyAMasterKey()));

            Assert.AreEqual((int)CardKeyDropResult.AlreadyInstalled, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsFalse(store.Exists(CardKeyDropFile.FileName));
            Assert.IsFalse(store.AnyFileContains(otherMaster), "the refused keys are nowhere in flash");
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)TestCardReadsAs(store), "the original keys still open the card");
        }

        [TestMethod]
        public void AnAllZeroKeyIsDestroyedWithoutInstalling()
        {
            FakeByteStore store = StoreWithDrop(DropImage(new byte[32]));
            Provisioning p = new Provisioning(store);
            Assert.AreEqual((int)CardKeyDropResult.InvalidKey, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsFalse(p.HasCardKeys);
            Assert.IsFalse(store.Exists(CardKeyDropFile.FileName));
        }

        [TestMethod]
        public void StorageFailureKeepsTheFileAndTheNextBootInstalls()
        {
            FakeByteStore store = StoreWithDrop(DropImage(TestKeys.KeyAMasterKey()));
            store.FailWrites = 1;
            Provisioning p = new Provisioning(store);
            Assert.AreEqual((int)CardKeyDropResult.StoreFailed, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsFalse(p.HasCardKeys);
            Assert.IsTrue(store.Exists(CardKeyDropFile.FileName), "kept for the retry");

            Provisioning next = new Provisioning(store);
            Assert.AreEqual((int)CardKeyDropResult.Installed, (int)CardKeyDropFile.InstallIfPresent(store, next));
            Assert.AreEqual((int)HolderDataStatus.Ok, (int)TestCardReadsAs(store));
        }

        [TestMethod]
        public void UnreadableFileIsKeptForTheNextBoot()
        {
            FakeByteStore store = StoreWithDrop(DropImage(TestKeys.KeyAMasterKey()));
            Provisioning p = new Provisioning(store);
            store.FailReads = 1;
            Assert.AreEqual((int)CardKeyDropResult.StoreFailed, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.IsTrue(store.Exists(CardKeyDropFile.FileName));
        }

        [TestMethod]
        public void FileThatCannotBeErasedIsErasedNextBoot()
        {
            FakeByteStore store = StoreWithDrop(DropImage(TestKeys.Sequence(0x70, 32)));
            Provisioning p = new Provisioning(store);
            p.InstallCardKeys(TestKeys.KeyAMasterKey());
            store.FailWrites = 1;
            Assert.AreEqual((int)CardKeyDropResult.FileNotErased, (int)CardKeyDropFile.InstallIfPresent(store, p));
            Assert.AreEqual((int)CardKeyDropResult.AlreadyInstalled, (int)CardKeyDropFile.InstallIfPresent(store, new Provisioning(store)));
            Assert.IsFalse(store.Exists(CardKeyDropFile.FileName));
        }

        [TestMethod]
        public void PowerCutAtEveryWriteEndsWithTheKeysInstalledAndTheFileGone()
        {
            // Count the writes of an undisturbed run, then cut the power at each of them in turn.
            FakeByteStore probe = StoreWithDrop(DropImage(TestKeys.KeyAMasterKey()));
            CardKeyDropFile.InstallIfPresent(probe, new Provisioning(probe));
            int writes = probe.Writes;
            Assert.IsTrue(writes >= 2, "the key slot and the shredding write at least");

            for (int cut = 1; cut <= writes; cut++)
            {
                for (int tear = 0; tear < 3; tear++)
                {
                    FakeByteStore store = StoreWithDrop(DropImage(TestKeys.KeyAMasterKey()));
                    store.PowerCutAtWrite = cut;
                    store.Tear = tear == 0 ? TearMode.Untouched : (tear == 1 ? TearMode.Missing : TearMode.Truncated);
                    store.TearOffset = 10;
                    try
                    {
                        CardKeyDropFile.InstallIfPresent(store, new Provisioning(store));
                    }
                    catch (PowerCutException)
                    {
                    }

                    store.PowerOn();
                    CardKeyDropResult second = CardKeyDropFile.InstallIfPresent(store, new Provisioning(store));
                    string at = "cut at write " + cut.ToString() + ", tear " + tear.ToString();
                    Assert.IsTrue(second != CardKeyDropResult.StoreFailed && second != CardKeyDropResult.FileNotErased, at);
                    Assert.IsFalse(store.Exists(CardKeyDropFile.FileName), at);
                    Assert.IsTrue(new Provisioning(store).HasCardKeys, at);
                }
            }
        }
    }
}
