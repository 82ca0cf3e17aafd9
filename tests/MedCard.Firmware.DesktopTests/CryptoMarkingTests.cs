using System;
using System.Collections.Generic;
using System.Linq;
using MedCard.Firmware.Tests;
using nanoFramework.TestFramework.DesktopRunner;
using Xunit;

namespace MedCard.Firmware.DesktopTests
{
    /// <summary>
    /// The emulator run, played on the desktop: with crypto switched off in TestPlatform, as in the nanoFramework
    /// emulator, no firmware test fails; the tests that need crypto are skipped with CryptoGate's reason. A class marked
    /// [CryptoFree] must run completely; an unmarked class must really need crypto (else it is to be marked).
    /// </summary>
    public class CryptoMarkingTests
    {
        public static IEnumerable<object[]> Classes()
        {
            return FirmwareTestClasses.All().Select(t => new object[] { t.FullName! });
        }

        [Theory]
        [MemberData(nameof(Classes))]
        public void WithoutCryptoTheClassPassesOrSkipsAsMarked(string testClass)
        {
            Type type = FirmwareTestClasses.Find(testClass);
            IReadOnlyList<TestResult> results;
            TestPlatform.CryptoAvailable = false;
            try
            {
                results = NanoTestRunner.RunClass(type);
            }
            finally
            {
                TestPlatform.CryptoAvailable = true;
            }

            Assert.Empty(results.Where(r => r.Outcome == TestOutcome.Failed).Select(r => r.ToString()));
            bool marked = type.GetCustomAttributes(typeof(CryptoFreeAttribute), false).Length > 0;
            int cryptoSkips = results.Count(r => r.Outcome == TestOutcome.Skipped && (r.Message == CryptoGate.SkipReason || (r.Message ?? string.Empty).Contains("Setup method of the class called SkipTest")));
            if (marked)
            {
                Assert.True(cryptoSkips == 0, type.Name + " is marked [CryptoFree] but " + cryptoSkips + " of its tests needed crypto");
            }
            else
            {
                Assert.True(cryptoSkips > 0, type.Name + " needs no crypto: mark it [CryptoFree] (firmware/MedCard.Firmware.Tests/Support/CryptoFreeAttribute.cs)");
            }
        }

        [Fact]
        public void TheGateSkipsRatherThanFails()
        {
            TestPlatform.CryptoAvailable = false;
            try
            {
                Assert.Throws<nanoFramework.TestFramework.SkipTestException>(() => TestPlatform.CreateHmac());
                Assert.Throws<nanoFramework.TestFramework.SkipTestException>(() => TestPlatform.CreateAes());
            }
            finally
            {
                TestPlatform.CryptoAvailable = true;
            }

            Assert.NotNull(TestPlatform.CreateHmac());
        }
    }
}
