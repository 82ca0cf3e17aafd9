using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    public class HotlistTests
    {
        private static HotlistUpdate Chunk(uint version, int index, int count, string[] cardNumbers)
        {
            HotlistUpdate u = new HotlistUpdate();
            u.Version = version;
            u.ChunkIndex = (ushort)index;
            u.ChunkCount = (ushort)count;
            u.EntryKind = HotlistEntryKind.CardNumber;
            u.CardNumbers = cardNumbers;
            return u;
        }

        private static bool Blocked(Hotlist h, string cardNumber)
        {
            byte[] fp = new byte[8];
            h.FingerprintCardNumber(cardNumber, fp, 0);
            return h.Contains(fp, 0);
        }

        [TestMethod]
        public void SingleChunkActivatesAtOnce()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            HotlistResult r = h.Apply(Chunk(1, 0, 1, new string[] { "A1", "B2" }), 1000, 0);
            Assert.AreEqual((int)HotlistStatus.Activated, (int)r.Status);
            Assert.AreEqual(1u, r.ActiveVersion);
            Assert.AreEqual(2, r.ActiveEntries);
            Assert.IsTrue(Blocked(h, "B2"));
            Assert.IsFalse(Blocked(h, "C3"));
        }

        [TestMethod]
        public void PreviousListStaysInForceUntilTheLastChunk()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            h.Apply(Chunk(1, 0, 1, new string[] { "OLD1" }), 0, 0);
            HotlistResult r = h.Apply(Chunk(2, 0, 2, new string[] { "NEW1" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.ChunkStored, (int)r.Status);
            Assert.AreEqual(2u, r.StagingVersion);
            Assert.AreEqual(1, r.NextChunk);
            Assert.IsTrue(h.IsStaging);
            Assert.IsTrue(Blocked(h, "OLD1"));
            Assert.IsFalse(Blocked(h, "NEW1"));
            r = h.Apply(Chunk(2, 1, 2, new string[] { "NEW2" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.Activated, (int)r.Status);
            Assert.IsFalse(Blocked(h, "OLD1"), "a version replaces the previous list entirely");
            Assert.IsTrue(Blocked(h, "NEW1"));
            Assert.IsTrue(Blocked(h, "NEW2"));
        }

        [TestMethod]
        public void OutOfOrderChunkIsRefusedWithTheExpectedIndex()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            h.Apply(Chunk(5, 0, 3, new string[] { "A" }), 0, 0);
            HotlistResult r = h.Apply(Chunk(5, 2, 3, new string[] { "C" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.OutOfOrder, (int)r.Status);
            Assert.AreEqual(1, r.NextChunk);
            r = h.Apply(Chunk(6, 1, 3, new string[] { "C" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.OutOfOrder, (int)r.Status, "a chunk of another version");
        }

        [TestMethod]
        public void OldVersionIsStale()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            h.Apply(Chunk(3, 0, 1, new string[] { "A" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.Stale, (int)h.Apply(Chunk(3, 0, 1, new string[] { "B" }), 0, 0).Status);
            Assert.AreEqual((int)HotlistStatus.Stale, (int)h.Apply(Chunk(2, 0, 1, new string[] { "B" }), 0, 0).Status);
            Assert.IsTrue(Blocked(h, "A"));
        }

        [TestMethod]
        public void TooManyEntriesDiscardTheStagedVersion()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 2);
            h.Apply(Chunk(1, 0, 1, new string[] { "KEEP" }), 0, 0);
            HotlistResult r = h.Apply(Chunk(2, 0, 1, new string[] { "X1", "X2", "X3" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.Full, (int)r.Status);
            Assert.AreEqual(1u, r.ActiveVersion);
            Assert.IsFalse(h.IsStaging);
            Assert.IsTrue(Blocked(h, "KEEP"));
        }

        [TestMethod]
        public void UidHashEntriesBlockByUid()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            HotlistUpdate u = new HotlistUpdate();
            u.Version = 1;
            u.ChunkCount = 1;
            u.EntryKind = HotlistEntryKind.UidHash;
            u.UidHashes = new byte[8];
            HotlistUpdate.ComputeUidHash(TestPlatform.CreateHmac(), TestKeys.Uid7(), 0, 7, u.UidHashes, 0);
            h.Apply(u, 0, 0);
            byte[] fp = new byte[8];
            h.FingerprintUid(TestKeys.Uid7(), 7, fp, 0);
            Assert.IsTrue(h.Contains(fp, 0));
            h.FingerprintUid(TestKeys.Uid4(), 4, fp, 0);
            Assert.IsFalse(h.Contains(fp, 0));
        }

        [TestMethod]
        public void OneVersionMayMixCardNumberAndUidChunks()
        {
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            h.Apply(Chunk(7, 0, 2, new string[] { "N1" }), 0, 0);
            HotlistUpdate uids = new HotlistUpdate();
            uids.Version = 7;
            uids.ChunkIndex = 1;
            uids.ChunkCount = 2;
            uids.EntryKind = HotlistEntryKind.UidHash;
            uids.UidHashes = new byte[8];
            HotlistUpdate.ComputeUidHash(TestPlatform.CreateHmac(), TestKeys.Uid4(), 0, 4, uids.UidHashes, 0);
            Assert.AreEqual((int)HotlistStatus.Activated, (int)h.Apply(uids, 0, 0).Status);
            Assert.AreEqual(2, h.ActiveEntries);
            Assert.IsTrue(Blocked(h, "N1"));
            byte[] fp = new byte[8];
            h.FingerprintUid(TestKeys.Uid4(), 4, fp, 0);
            Assert.IsTrue(h.Contains(fp, 0));
        }

        [TestMethod]
        public void ActiveListSurvivesRebootAndAPowerCutDuringActivation()
        {
            FakeByteStore store = new FakeByteStore();
            Hotlist h = new Hotlist(store, TestPlatform.CreateHmac(), 16);
            h.Apply(Chunk(1, 0, 1, new string[] { "V1" }), 0, 0);
            store.PowerCutAtWrite = store.Writes + 1;
            store.Tear = TearMode.Truncated;
            store.TearOffset = 20;
            try
            {
                h.Apply(Chunk(2, 0, 1, new string[] { "V2" }), 0, 0);
            }
            catch (PowerCutException)
            {
            }

            store.PowerOn();
            Hotlist rebooted = new Hotlist(store, TestPlatform.CreateHmac(), 16);
            Assert.AreEqual(1u, rebooted.ActiveVersion);
            Assert.IsTrue(Blocked(rebooted, "V1"));
            Assert.IsFalse(Blocked(rebooted, "V2"));
        }

        [TestMethod]
        public void StorageFailureKeepsTheOldList()
        {
            FakeByteStore store = new FakeByteStore();
            Hotlist h = new Hotlist(store, TestPlatform.CreateHmac(), 16);
            h.Apply(Chunk(1, 0, 1, new string[] { "V1" }), 0, 0);
            store.FailWrites = 1;
            HotlistResult r = h.Apply(Chunk(2, 0, 1, new string[] { "V2" }), 0, 0);
            Assert.AreEqual((int)HotlistStatus.StorageFailure, (int)r.Status);
            Assert.AreEqual(1u, h.ActiveVersion);
            Assert.IsTrue(Blocked(h, "V1"));
        }

        [TestMethod]
        public void AgeComesFromTheWallClockOrUptime()
        {
            FakeClock clock = new FakeClock();
            Hotlist h = new Hotlist(new FakeByteStore(), TestPlatform.CreateHmac(), 16);
            Assert.AreEqual(Hotlist.AgeUnknown, h.AgeSeconds(clock, 0), "never received");
            h.Apply(Chunk(1, 0, 1, new string[] { "A" }), 0, 5000);
            Assert.AreEqual(10u, h.AgeSeconds(clock, 15000), "clock unset: from uptime");
            clock.SetUtcSeconds(2000000000);
            h.Apply(Chunk(2, 0, 1, new string[] { "A" }), clock.UtcSeconds, 15000);
            clock.NowMs += 3600 * 1000;
            Assert.AreEqual(3600u, h.AgeSeconds(clock, clock.NowMs));
        }
    }
}
