using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The counter alone (no journal floor to hide a weakness) under every single storage fault and every pair
    /// (<see cref="FaultEnumerator"/>, <see cref="CounterFaultWorkload"/>): no value is ever handed out twice or below
    /// an earlier one, and reservations work again once the errors clear. Catches issue 9 finding 3 (a read error while
    /// loading taken for an empty file) through the pair "write error, then read error while reloading".
    /// </summary>
    [TestClass]
    [CryptoFree]
    public class CounterFaultSuiteTests
    {
        private static FaultEnumerator Prepare()
        {
            FaultEnumerator e = new FaultEnumerator(new CounterFaultWorkload(), CounterFaultWorkload.History());
            string clean = e.RunClean();
            Assert.IsNull(clean, "the clean run holds: " + clean);
            Assert.IsTrue(e.CleanOps >= 12 && e.CleanOps <= 15, "3 x (reservation: write, read-back; reboot: 2 or 3 reads)");
            return e;
        }

        [TestMethod]
        public void EverySingleFault()
        {
            FaultEnumerator e = Prepare();
            e.RunSingles();
            OutputHelper.WriteLine("counter fault suite: " + e.Summary());
            Assert.AreEqual(0, e.Failed, e.Failed.ToString() + " of " + e.Singles.ToString() + " scenarios broke the counter:" + e.Violations());
            Assert.IsTrue(e.Singles > 200, "every byte offset of every write is covered");
        }

        [TestMethod]
        public void EveryPairOfFaults()
        {
            FaultEnumerator e = Prepare();
            e.RunPairs();
            OutputHelper.WriteLine("counter fault suite: " + e.Summary());
            Assert.AreEqual(0, e.Failed, e.Failed.ToString() + " of " + e.Pairs.ToString() + " scenarios broke the counter:" + e.Violations());
            Assert.IsTrue(e.Pairs > 100, "pairs at every operation, reboots included");
        }
    }
}
