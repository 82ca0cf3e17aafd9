using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework.DesktopRunner;
using nanoFramework.TestFramework.DesktopRunnerSamples;
using Xunit;

namespace MedCard.Firmware.DesktopTests
{
    /// <summary>
    /// The desktop runner must behave like nanoFramework's UnitTestLauncher (nanoframework/nanoFramework.TestFramework
    /// v3.0.77, source/UnitTestLauncher/Program.cs) and the outcomes its Test Adapter reports
    /// (source/TestAdapter/Executor.cs): otherwise a firmware test green here could be red on the device.
    /// </summary>
    public class RunnerSemanticsTests
    {
        [Fact]
        public void EveryTestMethodRunsBeforeEveryDataRowAndCleanupRunsLast()
        {
            LauncherOrder.Log = string.Empty;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(LauncherOrder));

            // Setup; the [TestMethod] pass in declaration order (WithRows has rows, so it runs only as rows); the [DataRow] pass; Cleanup.
            Assert.Equal("S1kft2two3threeC", LauncherOrder.Log);
            Assert.Equal(
                new[]
                {
                    "LauncherOrder.Setup [Setup]", "LauncherOrder.First", "LauncherOrder.Skipped", "LauncherOrder.Failing", "LauncherOrder.ThrowsWrongType",
                    "LauncherOrder.WithRows(2, two)", "LauncherOrder.WithRows(3, three)", "LauncherOrder.Cleanup [Cleanup]",
                },
                results.Select(r => r.Name).ToArray());
        }

        [Fact]
        public void OutcomesAreReportedWithReasons()
        {
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(LauncherOrder));

            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "LauncherOrder.First").Outcome);
            TestResult skipped = results.Single(r => r.Name == "LauncherOrder.Skipped");
            Assert.Equal(TestOutcome.Skipped, skipped.Outcome);
            Assert.Equal("hardware only", skipped.Message);
            TestResult failing = results.Single(r => r.Name == "LauncherOrder.Failing");
            Assert.Equal(TestOutcome.Failed, failing.Outcome);
            Assert.Contains("deliberate", failing.Message);
            Assert.Equal(TestOutcome.Failed, results.Single(r => r.Name == "LauncherOrder.ThrowsWrongType").Outcome);
            Assert.Equal("NFUnitTest (desktop): 8 tests, 5 passed, 2 failed, 1 skipped", NanoTestRunner.Summary(results.ToList()));
        }

        [Fact]
        public void MethodsAreInvokedWithANullTargetSoNoInstanceExists()
        {
            InstanceMembers.Constructed = 0;
            InstanceMembers.StaticRan = 0;
            InstanceMembers.InstanceRan = 0;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(InstanceMembers));

            Assert.Equal(0, InstanceMembers.Constructed);
            Assert.Equal(1, InstanceMembers.StaticRan);
            Assert.Equal(1, InstanceMembers.InstanceRan); // the field read threw before adding
            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "InstanceMembers.InstanceTestUsingStaticState").Outcome);
            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "InstanceMembers.InstanceTestSeesNoThis").Outcome);
            TestResult field = results.Single(r => r.Name == "InstanceMembers.InstanceTestReadingAField");
            Assert.Equal(TestOutcome.Failed, field.Outcome);
            Assert.StartsWith("NullReferenceException", field.Message);
            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "InstanceMembers.StaticTest").Outcome);
        }

        [Fact]
        public void OnlyPublicMethodsAreSeen()
        {
            NonPublicMembers.HiddenRan = 0;
            NonPublicMembers.PublicRan = 0;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(NonPublicMembers));

            Assert.Equal(0, NonPublicMembers.HiddenRan);
            Assert.Equal(1, NonPublicMembers.PublicRan);
            Assert.Equal(new[] { "NonPublicMembers.PublicTest" }, results.Select(r => r.Name).ToArray());
        }

        [Fact]
        public void FailingSetupIsReportedAndTheClassStillRuns()
        {
            FailingSetup.Log = string.Empty;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(FailingSetup));

            Assert.Equal("StC", FailingSetup.Log);
            TestResult setup = results.Single(r => r.Name == "FailingSetup.Setup [Setup]");
            Assert.Equal(TestOutcome.Failed, setup.Outcome);
            Assert.Contains("fixture broken", setup.Message);
            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "FailingSetup.RunsAnyway").Outcome);
            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "FailingSetup.Cleanup [Cleanup]").Outcome);
        }

        [Fact]
        public void SkipInSetupStopsTheClassAndSkipsEveryOtherTest()
        {
            SkippedInSetup.Log = string.Empty;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(SkippedInSetup));

            // No second Setup, no test, no row, no Cleanup ran.
            Assert.Equal("S", SkippedInSetup.Log);
            Assert.Equal("no card field in the emulator", results.Single(r => r.Name == "SkippedInSetup.Setup [Setup]").Message);
            Assert.Equal(
                new[] { "SkippedInSetup.Setup [Setup]", "SkippedInSetup.SecondSetup [Setup]", "SkippedInSetup.NeverRuns", "SkippedInSetup.NeverRunsEither(1)", "SkippedInSetup.Cleanup [Cleanup]" },
                results.Select(r => r.Name).ToArray());
            Assert.All(results, r => Assert.Equal(TestOutcome.Skipped, r.Outcome));
        }

        [Fact]
        public void OnlyExactlySkipTestExceptionSkips()
        {
            TestResult result = Assert.Single(NanoTestRunner.RunClass(typeof(SkipByExactTypeOnly)));

            Assert.Equal(TestOutcome.Failed, result.Outcome);
        }

        [Fact]
        public void SampleClassesAreNotPartOfTheFirmwareRun()
        {
            Assert.DoesNotContain(FirmwareTestClasses.All(), t => t.Namespace == typeof(LauncherOrder).Namespace);
        }
    }
}
