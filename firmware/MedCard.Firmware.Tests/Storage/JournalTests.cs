using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class JournalTests
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

        private static int ReadAll(Journal j, uint from, uint to, SignedRecord[] output)
        {
            uint next;
            return j.Read(from, to, output, out next);
        }

        [TestMethod]
        public void AppendedRecordsReadBackInCounterOrder()
        {
            Journal j = Filled(new FakeByteStore(), 8, 3);
            SignedRecord[] got = new SignedRecord[5];
            Assert.AreEqual(3, ReadAll(j, 1, 0xFFFFFFFF, got));
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual((uint)(i + 1), got[i].Counter);
                Assert.IsTrue(got[i].Verify(TestPlatform.CreateHmac(), TestKeys.ReaderKey()), "stored records still verify");
            }

            Assert.AreEqual(3u, j.LatestCounter);
            Assert.AreEqual(1u, j.OldestCounter);
        }

        [TestMethod]
        public void FullJournalRefusesAndKeepsEveryUnacknowledgedRecord()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 4);
            Assert.IsTrue(j.IsFull);
            int writes = store.Writes;
            Assert.AreEqual((int)StorageStatus.JournalFull, (int)j.Append(TestRecords.Make(5, null)));
            Assert.AreEqual(writes, store.Writes, "nothing was written, so nothing was overwritten");
            SignedRecord[] got = new SignedRecord[5];
            Assert.AreEqual(4, ReadAll(j, 1, 0xFFFFFFFF, got));
            Assert.AreEqual(1u, got[0].Counter);
        }

        [TestMethod]
        public void AcknowledgementPrunesAndFreesSlots()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 4);
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Acknowledge(2));
            Assert.AreEqual(2, j.Count);
            Assert.AreEqual(3u, j.OldestCounter);
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Append(TestRecords.Make(5, null)));
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Append(TestRecords.Make(6, null)));
            Assert.AreEqual((int)StorageStatus.JournalFull, (int)j.Append(TestRecords.Make(7, null)));
            SignedRecord[] got = new SignedRecord[5];
            Assert.AreEqual(4, ReadAll(j, 1, 0xFFFFFFFF, got));
            Assert.AreEqual(3u, got[0].Counter);
            Assert.AreEqual(6u, got[3].Counter);
        }

        [TestMethod]
        public void AcknowledgingAgainIsHarmless()
        {
            Journal j = Filled(new FakeByteStore(), 4, 3);
            j.Acknowledge(3);
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Acknowledge(2));
            Assert.AreEqual(3u, j.AckedThrough);
            Assert.AreEqual(0, j.Count);
        }

        [TestMethod]
        public void ReadIsChunkedWithNextCounter()
        {
            Journal j = Filled(new FakeByteStore(), 8, 7);
            SignedRecord[] got = new SignedRecord[3];
            uint next;
            Assert.AreEqual(3, j.Read(2, 0xFFFFFFFF, got, out next));
            Assert.AreEqual(2u, got[0].Counter);
            Assert.AreEqual(5u, next);
            Assert.AreEqual(2, j.Read(5, 6, got, out next));
            Assert.AreEqual(0u, next, "range complete");
        }

        [TestMethod]
        public void StateSurvivesAReboot()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 3);
            j.Acknowledge(1);
            Journal rebooted = new Journal(store, 4);
            Assert.AreEqual(2, rebooted.Count);
            Assert.AreEqual(1u, rebooted.AckedThrough);
            Assert.AreEqual(3u, rebooted.LatestCounter);
        }

        [TestMethod]
        public void ChainHeadSurvivesAcknowledgingEverything()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = new Journal(store, 4);
            SignedRecord r = TestRecords.Make(1, null);
            j.Append(r);
            j.Acknowledge(1);
            Journal rebooted = new Journal(store, 4);
            byte[] head = new byte[16];
            rebooted.CopyHeadMac(head, 0);
            CollectionAssert.AreEqual(r.Mac, head);
            Assert.AreEqual(1u, rebooted.LatestCounter);
            Assert.AreEqual(0, rebooted.Count);
        }

        [TestMethod]
        public void TornRecordIsIgnoredAtBoot()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 2);
            store.PowerCutAtWrite = store.Writes + 1;
            store.Tear = TearMode.Truncated;
            store.TearOffset = 40;
            try
            {
                j.Append(TestRecords.Make(3, null));
            }
            catch (PowerCutException)
            {
            }

            store.PowerOn();
            Journal rebooted = new Journal(store, 4);
            Assert.AreEqual(2, rebooted.Count);
            Assert.AreEqual(2u, rebooted.LatestCounter);
        }

        [TestMethod]
        public void PowerCutAfterWatermarkBeforeDeletesIsConsistent()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 3);

            byte[] first = store.Get("j00");
            byte[] second = store.Get("j01");
            j.Acknowledge(2);

            // As if the power failed after the watermark was saved but before the files were deleted.
            store.Put("j00", first);
            store.Put("j01", second);
            Journal rebooted = new Journal(store, 4);
            Assert.AreEqual(1, rebooted.Count, "records at or below the watermark do not count, even if their files survive");
            Assert.AreEqual(3u, rebooted.OldestCounter);
        }

        [TestMethod]
        public void WriteErrorLeavesTheSlotFree()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 2, 1);
            store.FailWrites = 1;
            Assert.AreEqual((int)StorageStatus.WriteFailed, (int)j.Append(TestRecords.Make(2, null)));
            Assert.AreEqual(1, j.Count);
            Assert.AreEqual((int)StorageStatus.Ok, (int)j.Append(TestRecords.Make(3, null)));
        }

        [TestMethod]
        public void WipeForgetsEverything()
        {
            FakeByteStore store = new FakeByteStore();
            Journal j = Filled(store, 4, 3);
            j.Wipe();
            Assert.AreEqual(0, j.Count);
            Assert.AreEqual(0u, j.LatestCounter);
            Assert.AreEqual(0, new Journal(store, 4).Count);
        }
    }
}
