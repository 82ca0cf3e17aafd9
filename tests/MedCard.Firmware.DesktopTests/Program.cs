using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework.DesktopRunner;

namespace MedCard.Firmware.DesktopTests
{
    /// <summary>
    /// `dotnet run --project tests/MedCard.Firmware.DesktopTests [-- name-filter]`: runs the firmware tests on desktop and
    /// prints one line per test (and what it wrote through OutputHelper) and a summary line. Exit code 0 when nothing failed, 1 otherwise, 2 when the filter
    /// matched nothing.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string filter = args.Length > 0 ? args[0] : null;
            var all = new List<TestResult>();
            foreach (Type testClass in FirmwareTestClasses.All())
            {
                if (filter != null && testClass.FullName!.IndexOf(filter, StringComparison.OrdinalIgnoreCase) < 0) continue;
                IReadOnlyList<TestResult> results = NanoTestRunner.RunClass(testClass);
                foreach (TestResult r in results)
                {
                    Console.WriteLine(r);
                    // What a test reports through OutputHelper (e.g. the fault suites' scenario counts), indented under it.
                    if (r.Output.Length > 0) Console.WriteLine("        " + r.Output.TrimEnd().Replace("\n", "\n        "));
                }
                all.AddRange(results);
            }
            Console.WriteLine(NanoTestRunner.Summary(all));
            if (all.Count == 0) return 2;
            return all.Any(r => r.Outcome == TestOutcome.Failed) ? 1 : 0;
        }
    }
}
