using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The counter must never hand out a value twice, whatever write a power cut interrupts and however the
    /// interrupted file tears. Every scenario: reserve until the cut, power on, rebuild the counter (a reboot),
    /// reserve again; all values ever handed out must be strictly increasing.
    /// </summary>
    [TestClass]
    [CryptoFree]
    public class CounterPowerCutTests
    {
        private const int Reservations = 8;

        // Counter file image: 8 header + 4 payload + 4 CRC = 16 bytes; offsets 0..16 cover every torn length.
        private const int ImageLength = 16;

        private static int RunScenario(int cutAtWrite, TearMode mode, int offset)
        {
            FakeByteStore store = new FakeByteStore();
            store.PowerCutAtWrite = cutAtWrite;
            store.Tear = mode;
            store.TearOffset = offset;

            uint[] handed = new uint[Reservations + 4];
            int n = 0;
            TransactionCounter counter = new TransactionCounter(store);
            try
            {
                for (int i = 0; i < Reservations; i++)
                {
                    uint v;
                    Assert.AreEqual((int)StorageStatus.Ok, (int)counter.TryReserve(out v));
                    handed[n++] = v;
                }
            }
            catch (PowerCutException)
            {
                // The CPU stopped here.
            }

            Assert.IsTrue(store.PoweredOff, "the cut happened");
            store.PowerOn();
            counter = new TransactionCounter(store);
            for (int i = 0; i < 3; i++)
            {
                uint v;
                Assert.AreEqual((int)StorageStatus.Ok, (int)counter.TryReserve(out v));
                handed[n++] = v;
            }

            for (int i = 1; i < n; i++)
            {
                Assert.IsTrue(handed[i] > handed[i - 1], "counter repeated or went back after a cut at write " + cutAtWrite.ToString()
                    + " mode " + ((int)mode).ToString() + " offset " + offset.ToString());
            }

            return n;
        }

        [TestMethod]
        public void CutBeforeAnyByteOrFileLostAtEveryWrite()
        {
            for (int w = 1; w <= Reservations; w++)
            {
                RunScenario(w, TearMode.Untouched, 0);
                RunScenario(w, TearMode.Missing, 0);
            }
        }

        [TestMethod]
        public void TruncatedAtEveryByteOfEveryWrite()
        {
            for (int w = 1; w <= Reservations; w++)
            {
                for (int off = 0; off <= ImageLength; off++)
                {
                    RunScenario(w, TearMode.Truncated, off);
                }
            }
        }

        [TestMethod]
        public void OverwrittenInPlaceAtEveryByteOfEveryWrite()
        {
            for (int w = 1; w <= Reservations; w++)
            {
                for (int off = 0; off <= ImageLength; off++)
                {
                    RunScenario(w, TearMode.NewPrefixOldSuffix, off);
                }
            }
        }

        [TestMethod]
        public void GarbledAtEveryByteOfEveryWrite()
        {
            for (int w = 1; w <= Reservations; w++)
            {
                for (int off = 0; off < ImageLength; off++)
                {
                    RunScenario(w, TearMode.Garbled, off);
                }
            }
        }

        [TestMethod]
        public void ValueIsPersistedBeforeItIsHandedOut()
        {
            FakeByteStore store = new FakeByteStore();
            TransactionCounter counter = new TransactionCounter(store);
            uint v;
            counter.TryReserve(out v);
            Assert.AreEqual(1, store.Writes, "one durable write per reservation");
            Assert.AreEqual(v, new TransactionCounter(store).Last, "a fresh boot already sees the value");
        }

        [TestMethod]
        public void WriteErrorRefusesAndNeverReusesAfterwards()
        {
            FakeByteStore store = new FakeByteStore();
            TransactionCounter counter = new TransactionCounter(store);
            uint first;
            counter.TryReserve(out first);
            store.FailWrites = 1;
            uint failed;
            Assert.AreEqual((int)StorageStatus.WriteFailed, (int)counter.TryReserve(out failed));
            Assert.AreEqual(0u, failed);
            uint next;
            Assert.AreEqual((int)StorageStatus.Ok, (int)counter.TryReserve(out next));
            Assert.IsTrue(next > first);
        }

        [TestMethod]
        public void FloorFromTheJournalIsNeverUndercut()
        {
            FakeByteStore store = new FakeByteStore();
            TransactionCounter counter = new TransactionCounter(store);
            Assert.IsTrue(counter.RaiseFloor(41));
            uint v;
            counter.TryReserve(out v);
            Assert.AreEqual(42u, v);
            Assert.IsTrue(counter.RaiseFloor(10), "a lower floor changes nothing");
            counter.TryReserve(out v);
            Assert.AreEqual(43u, v);
        }

        [TestMethod]
        public void ExhaustedCounterRefuses()
        {
            TransactionCounter counter = new TransactionCounter(new FakeByteStore());
            counter.RaiseFloor(uint.MaxValue);
            uint v;
            Assert.AreEqual((int)StorageStatus.CounterExhausted, (int)counter.TryReserve(out v));
        }
    }
}
