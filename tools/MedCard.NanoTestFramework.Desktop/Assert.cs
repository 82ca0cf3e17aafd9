using System;
using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    // The overload set mirrors nanoFramework.TestFramework 3.0.77 one for one (see
    // ../shared/nanoframework-api/nanoFramework.TestFramework.txt), so a call binds to the same overload on desktop
    // as on the device. The repetitive overloads were written out by a script once; they only forward.
    public class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(bool notExpected, bool actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(byte expected, byte actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(char expected, char actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(char notExpected, char actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(double expected, double actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(double notExpected, double actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(short expected, short actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(short notExpected, short actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(int expected, int actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(int notExpected, int actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(long expected, long actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(object expected, object actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(float expected, float actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(float notExpected, float actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(string expected, string actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(string notExpected, string actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(uint expected, uint actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, string message = "") => Check.Equal(expected, actual, message);
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(bool expected, bool actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(bool notExpected, bool actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(byte expected, byte actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(byte notExpected, byte actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(char expected, char actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(char notExpected, char actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(DateTime expected, DateTime actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(DateTime notExpected, DateTime actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(double expected, double actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(double notExpected, double actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(short expected, short actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(short notExpected, short actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(int expected, int actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(int notExpected, int actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(long expected, long actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(long notExpected, long actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(sbyte expected, sbyte actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(sbyte notExpected, sbyte actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(float expected, float actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(float notExpected, float actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(string expected, string actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(string notExpected, string actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(ushort expected, ushort actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(ushort notExpected, ushort actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(uint expected, uint actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(uint notExpected, uint actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use AreEqual.")] public static void Equal(ulong expected, ulong actual, string message = "") => Check.Equal(expected, actual, message);
        [Obsolete("Use AreNotEqual.")] public static void NotEqual(ulong notExpected, ulong actual, string message = "") => Check.NotEqual(notExpected, actual, message);
        [Obsolete("Use CollectionAssert.AreEqual.")]
        public static void Equal(Array expected, Array actual, string message = "") => CollectionAssert.AreEqual(expected, actual, message);

        [Obsolete("Use CollectionAssert.AreNotEqual.")]
        public static void NotEqual(Array notExpected, Array actual, string message = "") => CollectionAssert.AreNotEqual(notExpected, actual, message);

        [Obsolete("Use CollectionAssert.Empty.")]
        public static void Empty(ICollection collection, string message = "") => CollectionAssert.Empty(collection, message);

        [Obsolete("Use CollectionAssert.NotEmpty.")]
        public static void NotEmpty(ICollection collection, string message = "") => CollectionAssert.NotEmpty(collection, message);

        public static void AreSame(object expected, object actual, string message = "")
        {
            if (!ReferenceEquals(expected, actual)) Check.Fail("AreSame", "references differ", message);
        }

        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            if (ReferenceEquals(notExpected, actual)) Check.Fail("AreNotSame", "same reference", message);
        }

        public static void Same(object expected, object actual, string message = "") => AreSame(expected, actual, message);

        public static void NotSame(object notExpected, object actual, string message = "") => AreNotSame(notExpected, actual, message);

        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition) Check.Fail("IsTrue", "condition is false", message);
        }

        public static void IsFalse(bool condition, string message = "")
        {
            if (condition) Check.Fail("IsFalse", "condition is true", message);
        }

        public static void True(bool condition, string message = "") => IsTrue(condition, message);

        public static void False(bool condition, string message = "") => IsFalse(condition, message);

        public static void IsNull(object value, string message = "")
        {
            if (value != null) Check.Fail("IsNull", "value is " + value, message);
        }

        public static void IsNotNull(object value, string message = "")
        {
            if (value == null) Check.Fail("IsNotNull", "value is null", message);
        }

        public static void Null(object value, string message = "") => IsNull(value, message);

        public static void NotNull(object value, string message = "") => IsNotNull(value, message);

        public static void Contains(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.Contains(expected, StringComparison.Ordinal))
                Check.Fail("Contains", "'" + expected + "' not found in '" + value + "'", message);
        }

        public static void DoesNotContains(string notExpected, string value, string message = "")
        {
            if (value != null && notExpected != null && value.Contains(notExpected, StringComparison.Ordinal))
                Check.Fail("DoesNotContains", "'" + notExpected + "' found in '" + value + "'", message);
        }

        public static void StartsWith(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.StartsWith(expected, StringComparison.Ordinal))
                Check.Fail("StartsWith", "'" + value + "' does not start with '" + expected + "'", message);
        }

        public static void EndsWith(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.EndsWith(expected, StringComparison.Ordinal))
                Check.Fail("EndsWith", "'" + value + "' does not end with '" + expected + "'", message);
        }

        public static void IsInstanceOfType(object value, Type expected, string message = "")
        {
            if (value == null || expected == null || !expected.IsInstanceOfType(value))
                Check.Fail("IsInstanceOfType", "value is not a " + expected, message);
        }

        public static void IsNotInstanceOfType(object value, Type notExpected, string message = "")
        {
            if (value != null && notExpected != null && notExpected.IsInstanceOfType(value))
                Check.Fail("IsNotInstanceOfType", "value is a " + notExpected, message);
        }

        public static void IsType(Type expectedType, object value, string message = "")
        {
            if (value == null || value.GetType() != expectedType)
                Check.Fail("IsType", "expected exactly " + expectedType + ", got " + (value == null ? "null" : value.GetType().ToString()), message);
        }

        public static void IsNotType(Type wrongType, object value, string message = "")
        {
            if (value != null && value.GetType() == wrongType) Check.Fail("IsNotType", "value is exactly " + wrongType, message);
        }

        public static void SkipTest(string message = null) => throw new SkipTestException(message);

        public static void ThrowsException(Type exception, Action action, string message = "") => Throws(exception, action, message);

        /// <summary>Passes when the action throws exactly <paramref name="exceptionType"/> (not a subclass), as on nanoFramework.</summary>
        public static void Throws(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex is AssertFailedException || ex is SkipTestException) throw;
                if (ex.GetType() != exceptionType)
                    Check.Fail("Throws", "expected " + exceptionType + ", got " + ex.GetType() + ": " + ex.Message, message);
                return;
            }
            Check.Fail("Throws", "expected " + exceptionType + ", nothing was thrown", message);
        }
    }
}
