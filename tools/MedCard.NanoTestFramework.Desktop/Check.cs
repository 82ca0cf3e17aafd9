using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>Desktop-only comparison core shared by every Assert overload.</summary>
    internal static class Check
    {
        internal static void Equal(object expected, object actual, string message)
        {
            if (!Equals(expected, actual)) Fail("AreEqual", "expected <" + Show(expected) + ">, actual <" + Show(actual) + ">", message);
        }

        internal static void NotEqual(object notExpected, object actual, string message)
        {
            if (Equals(notExpected, actual)) Fail("AreNotEqual", "both are <" + Show(actual) + ">", message);
        }

        internal static void Fail(string assertion, string detail, string message)
        {
            string text = "Assert." + assertion + " failed: " + detail;
            if (!string.IsNullOrEmpty(message)) text += ". " + message;
            throw new AssertFailedException(text);
        }

        private static string Show(object value) => value == null ? "null" : value.ToString();
    }
}
