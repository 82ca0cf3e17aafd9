using System;
using nanoFramework.TestFramework;

namespace nanoFramework.TestFramework.DesktopRunnerSamples
{
    // Sample test classes that exercise the runner itself; they are excluded from the firmware run. Each one pins a
    // behaviour of nanoFramework's UnitTestLauncher (nanoframework/nanoFramework.TestFramework v3.0.77,
    // source/UnitTestLauncher/Program.cs) or of its Test Adapter (source/TestAdapter/Executor.cs).

    [TestClass]
    public class LauncherOrder
    {
        public static string Log = string.Empty;

        [Setup]
        public static void Setup() => Log += "S";

        [TestMethod]
        public static void First() => Log += "1";

        [TestMethod]
        [DataRow(2, "two")]
        [DataRow(3, "three")]
        public static void WithRows(int n, string word) => Log += n + word;

        [TestMethod]
        public static void Skipped()
        {
            Log += "k";
            Assert.SkipTest("hardware only");
        }

        [TestMethod]
        public static void Failing()
        {
            Log += "f";
            Assert.AreEqual(1, 2, "deliberate");
        }

        [TestMethod]
        public static void ThrowsWrongType()
        {
            Log += "t";
            Assert.ThrowsException(typeof(ArgumentException), () => throw new InvalidOperationException("x"));
        }

        [Cleanup]
        public static void Cleanup() => Log += "C";
    }

    [TestClass]
    public class InstanceMembers
    {
        public static int Constructed;
        public static int StaticRan;
        public static int InstanceRan;

        private int _initialised = 7;

        public InstanceMembers()
        {
            Constructed++;
        }

        [TestMethod]
        public void InstanceTestUsingStaticState() => InstanceRan++;

        [TestMethod]
        public void InstanceTestReadingAField() => InstanceRan += _initialised;

        [TestMethod]
        public void InstanceTestSeesNoThis() => Assert.IsTrue(this == null, "nanoFramework runs test methods without an instance");

        [TestMethod]
        public static void StaticTest() => StaticRan++;
    }

    [TestClass]
    public class NonPublicMembers
    {
        public static int HiddenRan;
        public static int PublicRan;

        [TestMethod]
        public static void PublicTest() => PublicRan++;

        [TestMethod]
        private static void PrivateTest() => HiddenRan++;

        [TestMethod]
        internal static void InternalTest() => HiddenRan++;

        [Setup]
        protected static void ProtectedSetup() => HiddenRan++;
    }

    [TestClass]
    public class FailingSetup
    {
        public static string Log = string.Empty;

        [Setup]
        public static void Setup()
        {
            Log += "S";
            throw new InvalidOperationException("fixture broken");
        }

        [TestMethod]
        public static void RunsAnyway() => Log += "t";

        [Cleanup]
        public static void Cleanup() => Log += "C";
    }

    [TestClass]
    public class SkippedInSetup
    {
        public static string Log = string.Empty;

        [Setup]
        public static void Setup()
        {
            Log += "S";
            Assert.SkipTest("no card field in the emulator");
        }

        [Setup]
        public static void SecondSetup() => Log += "2";

        [TestMethod]
        public static void NeverRuns() => Log += "t";

        [TestMethod]
        [DataRow(1)]
        public static void NeverRunsEither(int n) => Log += n;

        [Cleanup]
        public static void Cleanup() => Log += "C";
    }

    public class NotQuiteSkip : SkipTestException
    {
        public NotQuiteSkip()
            : base("a subclass")
        {
        }
    }

    [TestClass]
    public class SkipByExactTypeOnly
    {
        [TestMethod]
        public static void ThrowsASkipSubclass() => throw new NotQuiteSkip();
    }
}
