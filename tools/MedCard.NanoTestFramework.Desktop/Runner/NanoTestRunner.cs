using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace nanoFramework.TestFramework.DesktopRunner
{
    /// <summary>
    /// Runs [TestClass] types the way nanoFramework's unit test launcher does: one instance per class, every [Setup]
    /// method once before the class's tests, every [TestMethod] (or each [DataRow] of it) in declaration order, every
    /// [Cleanup] method once at the end. A SkipTestException skips the test, or the whole class when Setup throws it.
    /// </summary>
    public static class NanoTestRunner
    {
        public static IReadOnlyList<Type> DiscoverTestClasses(Assembly assembly, Func<Type, bool> include)
        {
            return assembly.GetTypes()
                .Where(t => t.IsClass && t.GetCustomAttribute<TestClassAttribute>() != null && include(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
        }

        public static IReadOnlyList<TestResult> RunClass(Type testClass)
        {
            var results = new List<TestResult>();
            MethodInfo[] methods = testClass
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken)
                .ToArray();
            MethodInfo[] setups = methods.Where(m => m.GetCustomAttribute<SetupAttribute>() != null).ToArray();
            MethodInfo[] cleanups = methods.Where(m => m.GetCustomAttribute<CleanupAttribute>() != null).ToArray();
            MethodInfo[] tests = methods
                .Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null || m.GetCustomAttributes<DataRowAttribute>().Any())
                .ToArray();

            object instance = testClass.IsAbstract && testClass.IsSealed ? null : Activator.CreateInstance(testClass, nonPublic: true);

            foreach (MethodInfo setup in setups)
            {
                TestResult setupResult = Execute(testClass.Name + "." + setup.Name + " [Setup]", instance, setup, null);
                if (setupResult.Outcome != TestOutcome.Passed)
                {
                    results.Add(setupResult);
                    foreach (MethodInfo test in tests)
                    {
                        results.Add(new TestResult(Name(testClass, test, null), TestOutcome.Skipped, "not run: Setup did not pass", string.Empty, 0));
                    }
                    RunCleanups(testClass, instance, cleanups, results);
                    return results;
                }
            }

            foreach (MethodInfo test in tests)
            {
                DataRowAttribute[] rows = test.GetCustomAttributes<DataRowAttribute>().ToArray();
                if (rows.Length == 0)
                {
                    results.Add(Execute(Name(testClass, test, null), instance, test, null));
                }
                else
                {
                    foreach (DataRowAttribute row in rows)
                    {
                        results.Add(Execute(Name(testClass, test, row.MethodParameters), instance, test, row.MethodParameters));
                    }
                }
            }

            RunCleanups(testClass, instance, cleanups, results);
            return results;
        }

        private static void RunCleanups(Type testClass, object instance, MethodInfo[] cleanups, List<TestResult> results)
        {
            foreach (MethodInfo cleanup in cleanups)
            {
                TestResult r = Execute(testClass.Name + "." + cleanup.Name + " [Cleanup]", instance, cleanup, null);
                if (r.Outcome == TestOutcome.Failed) results.Add(r);
            }
        }

        private static TestResult Execute(string name, object instance, MethodInfo method, object[] args)
        {
            OutputHelper.BeginCapture();
            var watch = Stopwatch.StartNew();
            TestOutcome outcome = TestOutcome.Passed;
            string message = null;
            try
            {
                method.Invoke(method.IsStatic ? null : instance, args);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is SkipTestException skip)
            {
                outcome = TestOutcome.Skipped;
                message = skip.Message;
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
            {
                outcome = TestOutcome.Failed;
                message = wrapped.InnerException.GetType().Name + ": " + wrapped.InnerException.Message;
            }
            catch (Exception ex)
            {
                // A DataRow whose arguments do not fit the method, a bad signature: a failure, not a crash of the run.
                outcome = TestOutcome.Failed;
                message = ex.GetType().Name + ": " + ex.Message;
            }
            watch.Stop();
            string output = OutputHelper.EndCapture();
            return new TestResult(name, outcome, message, output, watch.Elapsed.TotalMilliseconds);
        }

        private static string Name(Type testClass, MethodInfo method, object[] row)
        {
            string name = testClass.Name + "." + method.Name;
            if (row == null) return name;
            return name + "(" + string.Join(", ", row.Select(v => v == null ? "null" : Convert.ToString(v, CultureInfo.InvariantCulture))) + ")";
        }

        public static string Summary(IReadOnlyCollection<TestResult> results)
        {
            int passed = results.Count(r => r.Outcome == TestOutcome.Passed);
            int failed = results.Count(r => r.Outcome == TestOutcome.Failed);
            int skipped = results.Count(r => r.Outcome == TestOutcome.Skipped);
            return "NFUnitTest (desktop): " + results.Count + " tests, " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }
}
