using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute { }

    /// <summary>Runs once per test class, before its first test (nanoFramework semantics, not per test).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class SetupAttribute : Attribute { }

    /// <summary>Runs once per test class, after its last test.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class CleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) : base(message, innerException) { }
    }
}
