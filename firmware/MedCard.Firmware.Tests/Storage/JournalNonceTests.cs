using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The journal's nonce index (spec rule 7): an unacknowledged record is found by its host nonce, before and after
    /// a reboot; acknowledged, wiped and torn records are not; a record whose file vanished is reported as found but
    /// unreadable, so the reader refuses instead of signing the nonce again.
    /// </summary>
    [TestClass]
    public class JournalNonceTests
    {
        private static Journal Filled(FakeByteStore store, int capacity, uint records)
        {
            Journal j = new Journal(store, capacity);
            for (uint c = 1; c <= records; c++)
            {
                Assert.AreEqual((int)StorageStatus.Ok, (int)j.Append(TestRecords.Make(c, null)));
            }

            return j;
        }

        private static byte[] NonceOf(uint counter)
        {
            return TestRecords.Make(counter, null).HostNonce;
        }

        [TestMethod]
        public void EveryAppendedRecordIsFoundByItsNonce()
        {
            Journal j = Filled(new FakeByteStore(), 4, 3);
            for (uint c = 1; c <= 3; c++)
            {
                SignedRecord found;
                Assert.IsTrue(j.TryFindByNonce(NonceOf(c), 0, out found), "record " + c.ToString());
                Assert.IsNotNull(found);
                Assert.AreEqual(c, found.Counter);
                CollectionAssert.AreEqual(TestRecords.Make(c, null).Mac, found.Mac);
            }
        }

        [TestMethod]
        public void UnknownNonceIsNotFound()
        {
            Journal j = Filled(new FakeByteStore(), 4, 3);
            SignedRecord found;
            Assert.IsFalse(j.TryFindByNonce(new byte[] { 9, 9, 9, 9, 9, 9, 9, 9 }, 0, out found));
            Assert.IsNull(found);
        }

        [TestMethod]
        public void NonceAtAnOffsetIsFound()
        {
            Journal j = Filled(new FakeByteStore(), 4, 2);
            byte[] buffer = new byte[12];
            System.Array.Copy(NonceOf(2), 0, buffer, 3, 8);
            SignedRecord found;
            Assert.IsTrue(j.TryFindByNonce(buffer, 3, out found));
            Assert.AreEqual(2u, found.Counter);
            Assert.IsFalse(j.TryFindByNonce(buffer, 5, out found), "too short from there: not a nonce");
        }

        [TestMethod]
        public void EmptyJournalMatchesNoNonceNotEvenZeros()
        {
            // Free slots hold zeros in the index; a zero nonce must not match them.
            Journal j = new Journal(new FakeByteStore(), 4);
            SignedRecord found;
            Assert.IsFalse(j.TryFindByNonce(new byte[8], 0, out found));
        }

        [TestMethod]
        public void IndexIsRebuiltAtBoot()
        {
            FakeByteStore store = new FakeByteStore();
            Filled(store, 4, 3);
            Journal rebooted = new Journal(store, 4);
            SignedRecord found;
            Assert.IsTrue(rebooted.TryFindByNonce(NonceOf(2), 0, out found));
            Assert.AreEqual(2u, found.Counter);
        }

        [TestMethod]
        public void AcknowledgedNoncesAreForgottenAlsoAfterABoot()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 3);
            byte[] first = store.Get("j00");
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Acknowledge(2));
            SignedRecord found;
            Assert.IsFalse(j.TryFindByNonce(NonceOf(1), 0, out found));
            Assert.IsFalse(j.TryFindByNonce(NonceOf(2), 0, out found));
            Assert.IsTrue(j.TryFindByNonce(NonceOf(3), 0, out found));

            // A file that survived its acknowledgement (power cut before the delete) is not indexed either.
            store.Put("j00", first);
            Journal rebooted = new Journal(store, 4);
            Assert.IsFalse(rebooted.TryFindByNonce(NonceOf(1), 0, out found));
            Assert.IsTrue(rebooted.TryFindByNonce(NonceOf(3), 0, out found));
        }

        [TestMethod]
        public void SlotReusedAfterAcknowledgementCarriesTheNewNonce()
        {
            Journal j = Filled(new FakeByteStore(), 2, 2);
            j.Acknowledge(1);
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Append(TestRecords.Make(7, null)));
            SignedRecord found;
            Assert.IsFalse(j.TryFindByNonce(NonceOf(1), 0, out found));
            Assert.IsTrue(j.TryFindByNonce(NonceOf(7), 0, out found));
            Assert.AreEqual(7u, found.Counter);
        }

        [TestMethod]
        public void WipeForgetsEveryNonce()
        {
            Journal j = Filled(new FakeByteStore(), 4, 2);
            j.Wipe();
            SignedRecord found;
            Assert.IsFalse(j.TryFindByNonce(NonceOf(1), 0, out found));
            Assert.IsFalse(j.TryFindByNonce(NonceOf(2), 0, out found));
        }

        [TestMethod]
        public void TornRecordIsNotIndexed()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 1);
            store.PowerCutAtWrite = store.Writes + 1;
            store.Tear = TearMode.Truncated;
            store.TearOffset = 40;
            try
            {
                j.Append(TestRecords.Make(2, null));
            }
            catch (PowerCutException)
            {
            }

            store.PowerOn();
            Journal rebooted = new Journal(store, 4);
            SignedRecord found;
            Assert.IsFalse(rebooted.TryFindByNonce(NonceOf(2), 0, out found), "never reported, so never replayed");
            Assert.IsTrue(rebooted.TryFindByNonce(NonceOf(1), 0, out found));
        }

        [TestMethod]
        public void RecordFileLostAfterBootIsFoundButUnreadable()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 2);
            store.Delete("j01");
            SignedRecord found;
            Assert.IsTrue(j.TryFindByNonce(NonceOf(2), 0, out found), "the index still knows the nonce was signed");
            Assert.IsNull(found);
        }
    }
}
