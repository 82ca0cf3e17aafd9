using MedCard.Firmware.Storage;
using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class DualSlotFileTests
    {
        private static byte[] Image(DualSlotFile f, byte value, int length)
        {
            byte[] image = new byte[f.ImageSize];
            for (int i = 0; i < length; i++)
            {
                image[DualSlotFile.PayloadOffset + i] = value;
            }

            return image;
        }

        // Issue 9, finding 3: a load that throws half way must not leave the file believing it is empty. Before the fix the
        // next save went to slot 0 with sequence 1 and lost, at the next boot, to the stale value in slot 1.
        [TestMethod]
        public void ReadErrorWhileLoadingIsNeverTakenForAnEmptyFile()
        {
            FakeByteStore store = new FakeByteStore();
            DualSlotFile f = new DualSlotFile(store, "x", 8);
            for (byte v = 1; v <= 4; v++)
            {
                f.Save(Image(f, v, 8), 8);
            }

            store.FailWrites = 1;
            Assert.ThrowsException(typeof(System.IO.IOException), () => f.Save(Image(f, 5, 8), 8));
            store.FailReads = 1;
            Assert.ThrowsException(typeof(System.IO.IOException), () => f.Load(new byte[f.ImageSize]));
            f.Save(Image(f, 6, 8), 8);

            DualSlotFile reopened = new DualSlotFile(store, "x", 8);
            byte[] image = new byte[reopened.ImageSize];
            Assert.AreEqual(8, reopened.Load(image));
            Assert.AreEqual((byte)6, image[DualSlotFile.PayloadOffset], "the value saved last is what a reboot loads");
            Assert.AreEqual(5u, reopened.Sequence, "the sequence carried on from the newest slot");
        }

        [TestMethod]
        public void NothingWrittenLoadsAsMissing()
        {
            DualSlotFile f = new DualSlotFile(new FakeByteStore(), "x", 16);
            Assert.AreEqual(-1, f.Load(new byte[f.ImageSize]));
            Assert.AreEqual(-1, f.CurrentSlot);
        }

        [TestMethod]
        public void SavesAlternateBetweenSlots()
        {
            FakeByteStore store = new FakeByteStore();
            DualSlotFile f = new DualSlotFile(store, "x", 16);
            f.Save(Image(f, 1, 16), 16);
            int first = f.CurrentSlot;
            f.Save(Image(f, 2, 16), 16);
            Assert.AreNotEqual(first, f.CurrentSlot);
            Assert.IsNotNull(store.Get("x.0"));
            Assert.IsNotNull(store.Get("x.1"));

            DualSlotFile reopened = new DualSlotFile(store, "x", 16);
            byte[] image = new byte[reopened.ImageSize];
            Assert.AreEqual(16, reopened.Load(image));
            Assert.AreEqual((byte)2, image[DualSlotFile.PayloadOffset]);
            Assert.AreEqual(2u, reopened.Sequence);
        }

        [TestMethod]
        public void CorruptNewestSlotFallsBackToPrevious()
        {
            FakeByteStore store = new FakeByteStore();
            DualSlotFile f = new DualSlotFile(store, "x", 8);
            f.Save(Image(f, 1, 8), 8);
            f.Save(Image(f, 2, 8), 8);
            string newest = "x." + f.CurrentSlot.ToString();
            byte[] raw = store.Get(newest);
            raw[DualSlotFile.PayloadOffset] ^= 0x01;

            DualSlotFile reopened = new DualSlotFile(store, "x", 8);
            byte[] image = new byte[reopened.ImageSize];
            Assert.AreEqual(8, reopened.Load(image));
            Assert.AreEqual((byte)1, image[DualSlotFile.PayloadOffset], "CRC rejects the damaged copy");
        }

        [TestMethod]
        public void BothSlotsDamagedLoadsAsMissing()
        {
            FakeByteStore store = new FakeByteStore();
            DualSlotFile f = new DualSlotFile(store, "x", 8);
            f.Save(Image(f, 1, 8), 8);
            f.Save(Image(f, 2, 8), 8);
            store.Put("x.0", new byte[3]);
            store.Put("x.1", new byte[0]);
            Assert.AreEqual(-1, new DualSlotFile(store, "x", 8).Load(new byte[f.ImageSize]));
        }

        [TestMethod]
        public void WriteErrorThrowsAndKeepsOldValue()
        {
            FakeByteStore store = new FakeByteStore();
            DualSlotFile f = new DualSlotFile(store, "x", 8);
            f.Save(Image(f, 1, 8), 8);
            store.FailWrites = 1;
            Assert.ThrowsException(typeof(System.IO.IOException), () => f.Save(Image(f, 2, 8), 8));
            byte[] image = new byte[f.ImageSize];
            Assert.AreEqual(8, f.Load(image));
            Assert.AreEqual((byte)1, image[DualSlotFile.PayloadOffset]);
        }

        [TestMethod]
        public void PayloadLongerThanDeclaredIsRejected()
        {
            DualSlotFile f = new DualSlotFile(new FakeByteStore(), "x", 8);
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => f.Save(new byte[f.ImageSize], 9));
            Assert.ThrowsException(typeof(System.ArgumentException), () => f.Load(new byte[4]));
        }
    }
}
