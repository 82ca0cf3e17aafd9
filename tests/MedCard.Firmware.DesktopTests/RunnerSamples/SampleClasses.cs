using System;
using nanoFramework.TestFramework;

namespace nanoFramework.TestFramework.DesktopRunnerSamples
{
    // Sample test classes that exercise the runner itself; they are excluded from the firmware run.

    [TestClass]
    public class OrderedLifecycle
    {
        public static string Log = string.Empty;

        [Setup]
        public void Setup() => Log += "S";

        [TestMethod]
        public void First() => Log += "1";

        [TestMethod]
        [DataRow(2, "two")]
        [DataRow(3, "three")]
        public void WithRows(int n, string word) => Log += n + word;

        [TestMethod]
        public void Skipped()
        {
            Log += "k";
            Assert.SkipTest("hardware only");
        }

        [TestMethod]
        public void Failing()
        {
            Log += "f";
            Assert.AreEqual(1, 2, "deliberate");
        }

        [TestMethod]
        public void ThrowsWrongType()
        {
            Log += "t";
            Assert.ThrowsException(typeof(ArgumentException), () => throw new InvalidOperationException("x"));
        }

        [Cleanup]
        public void Cleanup() => Log += "C";
    }

    [TestClass]
    public class SkippedInSetup
    {
        public static int Ran;

        [Setup]
        public void Setup() => Assert.SkipTest("no card field in the emulator");

        [TestMethod]
        public void NeverRuns() => Ran++;
    }
}
