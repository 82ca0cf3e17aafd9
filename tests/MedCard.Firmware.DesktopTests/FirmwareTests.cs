using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework.DesktopRunner;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.Firmware.DesktopTests
{
    /// <summary>One xunit case per firmware [TestClass]: the class runs with nanoFramework semantics and every one of its
    /// tests must pass (or be skipped with a reason, e.g. hardware-only).</summary>
    public class FirmwareTests
    {
        private readonly ITestOutputHelper _output;

        public FirmwareTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> Classes()
        {
            return FirmwareTestClasses.All().Select(t => new object[] { t.FullName! });
        }

        [Fact]
        public void FirmwareTestSourcesAreCompiledIn()
        {
            Assert.NotEmpty(FirmwareTestClasses.All());
        }

        [Theory]
        [MemberData(nameof(Classes))]
        public void FirmwareTestClassPasses(string testClass)
        {
            IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(FirmwareTestClasses.Find(testClass));
            foreach (TestResult r in results)
            {
                _output.WriteLine(r.ToString());
                if (r.Output.Length > 0) _output.WriteLine(r.Output.TrimEnd());
            }
            _output.WriteLine(NanoTestRunner.Summary(results.ToList()));
            Assert.NotEmpty(results);
            Assert.Empty(results.Where(r => r.Outcome == TestOutcome.Failed).Select(r => r.ToString()));
        }
    }
}
