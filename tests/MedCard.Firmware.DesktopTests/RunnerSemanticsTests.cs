using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework.DesktopRunner;
using nanoFramework.TestFramework.DesktopRunnerSamples;
using Xunit;

namespace MedCard.Firmware.DesktopTests
{
    /// <summary>The desktop runner must behave like nanoFramework's: otherwise a firmware test green here could be red on the device.</summary>
    public class RunnerSemanticsTests
    {
        [Fact]
        public void SetupAndCleanupRunOncePerClassAroundEveryTestAndDataRow()
        {
            OrderedLifecycle.Log = string.Empty;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(OrderedLifecycle));
            Assert.Equal("S12two3threekftC", OrderedLifecycle.Log);
            Assert.Equal(
                new[] { "OrderedLifecycle.First", "OrderedLifecycle.WithRows(2, two)", "OrderedLifecycle.WithRows(3, three)", "OrderedLifecycle.Skipped", "OrderedLifecycle.Failing", "OrderedLifecycle.ThrowsWrongType" },
                results.Select(r => r.Name).ToArray());
        }

        [Fact]
        public void OutcomesAreReportedWithReasons()
        {
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(OrderedLifecycle));
            Assert.Equal(TestOutcome.Passed, results.Single(r => r.Name == "OrderedLifecycle.First").Outcome);
            TestResult skipped = results.Single(r => r.Name == "OrderedLifecycle.Skipped");
            Assert.Equal(TestOutcome.Skipped, skipped.Outcome);
            Assert.Equal("hardware only", skipped.Message);
            TestResult failing = results.Single(r => r.Name == "OrderedLifecycle.Failing");
            Assert.Equal(TestOutcome.Failed, failing.Outcome);
            Assert.Contains("deliberate", failing.Message);
            Assert.Equal(TestOutcome.Failed, results.Single(r => r.Name == "OrderedLifecycle.ThrowsWrongType").Outcome);
            Assert.Equal("NFUnitTest (desktop): 6 tests, 3 passed, 2 failed, 1 skipped", NanoTestRunner.Summary(results.ToList()));
        }

        [Fact]
        public void SkipInSetupSkipsTheWholeClass()
        {
            SkippedInSetup.Ran = 0;
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(typeof(SkippedInSetup));
            Assert.Equal(0, SkippedInSetup.Ran);
            Assert.All(results, r => Assert.Equal(TestOutcome.Skipped, r.Outcome));
        }

        [Fact]
        public void SampleClassesAreNotPartOfTheFirmwareRun()
        {
            Assert.DoesNotContain(FirmwareTestClasses.All(), t => t == typeof(OrderedLifecycle));
        }
    }
}
