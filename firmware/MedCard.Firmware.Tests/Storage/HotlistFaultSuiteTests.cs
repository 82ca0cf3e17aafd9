using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// The hotlist under every single storage fault and every pair (<see cref="FaultEnumerator"/>,
    /// <see cref="HotlistFaultWorkload"/>): an activated version is never replaced by an older one at a later boot, and
    /// updates get through once the errors clear. A read error taken for "no list" would unblock every lost card.
    /// </summary>
    [TestClass]
    public class HotlistFaultSuiteTests
    {
        [TestMethod]
        public void EverySingleAndPairOfFaults()
        {
            FaultEnumerator e = new FaultEnumerator(new HotlistFaultWorkload(), HotlistFaultWorkload.History());
            string clean = e.RunClean();
            Assert.IsNull(clean, "the clean run holds: " + clean);
            e.RunSingles();
            e.RunPairs();
            OutputHelper.WriteLine("hotlist fault suite: " + e.Summary());
            Assert.AreEqual(0, e.Failed, e.Failed.ToString() + " of " + e.Scenarios.ToString() + " scenarios broke the hotlist:" + e.Violations());
            Assert.IsTrue(e.Singles > 1000 && e.Pairs > 500, "every byte offset of every write, pairs at every operation");
        }
    }
}
