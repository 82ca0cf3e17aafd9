using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// A journal write that reports an error may still have landed (the error came at flush or in the read-back). That
    /// record was answered StorageFailure, so the host retries the transaction with the same nonce and gets a second
    /// record: the first must not survive beside it, or a later journal read hands the host two signed records for one
    /// transaction.
    /// </summary>
    [TestClass]
    public class JournalUnsureWriteTests
    {
        private static SignedRecord WithNonceOf(uint counter, SignedRecord other)
        {
            SignedRecord r = TestRecords.Make(counter, null);
            r.HostNonce = other.HostNonce;
            r.Sign(TestPlatform.CreateHmac(), TestKeys.ReaderKey());
            return r;
        }

        // Write landed, error reported; then (second fault) the clean-up delete fails as well. The host acknowledges
        // records 1-2 (freeing lower slots) and retries: the retry must overwrite the unsure slot.
        private static void Scenario(bool deleteFailsToo)
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = new Journal(store, 4);
            j.Append(TestRecords.Make(1, null));
            j.Append(TestRecords.Make(2, null));
            SignedRecord failed = TestRecords.Make(3, null);
            int op = store.Ops + 1;
            store.Arm(
                new StorageFault(op, FaultKind.TransientError, FaultEffect.Landed, 0),
                deleteFailsToo ? new StorageFault(op + 1, FaultKind.TransientError, FaultEffect.Untouched, 0) : null);
            Assert.AreEqual((int)StorageStatus.WriteFailed, (int)j.Append(failed));
            store.Disarm();

            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Acknowledge(2));
            SignedRecord retry = WithNonceOf(4, failed);
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Append(retry));

            Journal rebooted = new Journal(store, 4);
            Assert.AreEqual(1, rebooted.Count, "only the retried record is journaled");
            SignedRecord found;
            Assert.IsTrue(rebooted.TryFindByNonce(retry.HostNonce, 0, out found));
            Assert.AreEqual(4u, found.Counter, "the nonce answers with the record the host received");
        }

        [TestMethod]
        public void LandedWriteReportedAsFailedIsDeleted()
        {
            Scenario(false);
        }

        [TestMethod]
        public void LandedWriteWhoseDeleteFailsIsOverwrittenByTheNextAppend()
        {
            Scenario(true);
        }
    }
}
