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
    /// Runs [TestClass] types the way nanoFramework's UnitTestLauncher does (nanoframework/nanoFramework.TestFramework
    /// v3.0.77, source/UnitTestLauncher/Program.cs), with the outcomes its Test Adapter derives from the launcher's
    /// output (source/TestAdapter/Executor.cs, ParseTestResults):
    /// <list type="bullet">
    /// <item>only the class's public methods (<c>type.GetMethods()</c>), static or not, declared or inherited;</item>
    /// <item>every method is invoked with a null target (<c>method.Invoke(null, parameters)</c>): no instance of the
    /// class is ever created; an instance method runs with <c>this == null</c> (see <see cref="NullTargetInvoker"/>), so it
    /// passes as long as it touches only static state and fails with NullReferenceException otherwise;</item>
    /// <item>per class, in four passes over the methods in declaration order: every [Setup], then every [TestMethod],
    /// then every [DataRow] (a method with rows runs only as rows), then every [Cleanup]; a method runs once per
    /// matching attribute;</item>
    /// <item>a [Setup] that throws is reported failed and the class's tests still run, Cleanup included; a [Setup]
    /// that calls Assert.SkipTest stops the class: no further Setup, no test, no Cleanup runs, and the adapter
    /// reports every other test of the class skipped;</item>
    /// <item>a test is skipped only when it throws exactly SkipTestException, else it fails; Setup and Cleanup are
    /// test cases with an outcome of their own, as the adapter discovers them.</item>
    /// </list>
    /// </summary>
    public static class NanoTestRunner
    {
        private const string SetupSkippedMessage = "not run: a Setup method of the class called SkipTest";

        public static IReadOnlyList<Type> DiscoverTestClasses(Assembly assembly, Func<Type, bool> include)
        {
            return assembly.GetTypes()
                .Where(t => t.IsClass && t.GetCustomAttributes(true).Any(a => a.GetType() == typeof(TestClassAttribute)) && include(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
        }

        public static IReadOnlyList<TestResult> RunClass(Type testClass)
        {
            var results = new List<TestResult>();
            MethodInfo[] methods = PublicMethods(testClass);
            if (!RunPass(testClass, methods, typeof(SetupAttribute), results))
            {
                // The adapter marks the rest of the class skipped when a Setup is skipped (Executor.ParseTestResults).
                foreach (Type kind in new[] { typeof(SetupAttribute), typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(CleanupAttribute) })
                {
                    foreach (var (method, attribute) in Matching(methods, kind))
                    {
                        string name = Name(testClass, method, attribute);
                        if (!results.Any(r => r.Name == name))
                        {
                            results.Add(new TestResult(name, TestOutcome.Skipped, SetupSkippedMessage, string.Empty, 0));
                        }
                    }
                }

                return results;
            }

            RunPass(testClass, methods, typeof(TestMethodAttribute), results);
            RunPass(testClass, methods, typeof(DataRowAttribute), results);
            RunPass(testClass, methods, typeof(CleanupAttribute), results);
            return results;
        }

        /// <summary>
        /// <c>type.GetMethods()</c>: public instance and static methods, inherited ones included. nanoFramework lists them
        /// in metadata order; here the class's own come first in declaration (metadata token) order, then each base's.
        /// </summary>
        private static MethodInfo[] PublicMethods(Type testClass)
        {
            return testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .OrderBy(m => Depth(testClass, m.DeclaringType))
                .ThenBy(m => m.MetadataToken)
                .ToArray();
        }

        private static int Depth(Type testClass, Type declaring)
        {
            int depth = 0;
            for (Type t = testClass; t != null && t != declaring; t = t.BaseType) depth++;
            return depth;
        }

        /// <summary>Each (method, attribute) whose attribute is exactly <paramref name="kind"/>, TestMethod dropped where DataRows exist.</summary>
        private static IEnumerable<(MethodInfo Method, object Attribute)> Matching(MethodInfo[] methods, Type kind)
        {
            foreach (MethodInfo method in methods)
            {
                foreach (object attribute in Helper.RemoveTestMethodIfDataRowExists(method.GetCustomAttributes(true)))
                {
                    if (attribute.GetType() == kind) yield return (method, attribute);
                }
            }
        }

        /// <summary>One launcher pass (RunTest); false when a Setup was skipped, which ends the class.</summary>
        private static bool RunPass(Type testClass, MethodInfo[] methods, Type kind, List<TestResult> results)
        {
            foreach (var (method, attribute) in Matching(methods, kind))
            {
                object[] parameters = attribute is DataRowAttribute row ? row.MethodParameters : null;
                TestResult result = Execute(Name(testClass, method, attribute), method, parameters);
                results.Add(result);
                if (kind == typeof(SetupAttribute) && result.Outcome == TestOutcome.Skipped) return false;
            }

            return true;
        }

        private static TestResult Execute(string name, MethodInfo method, object[] parameters)
        {
            OutputHelper.BeginCapture();
            var watch = Stopwatch.StartNew();
            TestOutcome outcome = TestOutcome.Passed;
            string message = null;
            try
            {
                NullTargetInvoker.Invoke(method, parameters);
            }
            catch (Exception ex) when (ex.GetType() == typeof(SkipTestException))
            {
                outcome = TestOutcome.Skipped;
                message = ex.Message;
            }
            catch (Exception ex)
            {
                // Also a DataRow whose arguments do not fit the method: a failure, not a crash of the run.
                outcome = TestOutcome.Failed;
                message = ex.GetType().Name + ": " + ex.Message;
            }

            watch.Stop();
            string output = OutputHelper.EndCapture();
            return new TestResult(name, outcome, message, output, watch.Elapsed.TotalMilliseconds);
        }

        private static string Name(Type testClass, MethodInfo method, object attribute)
        {
            string name = testClass.Name + "." + method.Name;
            switch (attribute)
            {
                case SetupAttribute _:
                    return name + " [Setup]";
                case CleanupAttribute _:
                    return name + " [Cleanup]";
                case DataRowAttribute row:
                    object[] values = row.MethodParameters ?? new object[0];
                    return name + "(" + string.Join(", ", values.Select(v => v == null ? "null" : Convert.ToString(v, CultureInfo.InvariantCulture))) + ")";
                default:
                    return name;
            }
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
