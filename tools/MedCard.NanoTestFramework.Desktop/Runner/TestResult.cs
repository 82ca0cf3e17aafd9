namespace nanoFramework.TestFramework.DesktopRunner
{
    /// <summary>One executed test: a method, or one DataRow of a method.</summary>
    public sealed class TestResult
    {
        public TestResult(string name, TestOutcome outcome, string message, string output, double milliseconds)
        {
            Name = name;
            Outcome = outcome;
            Message = message;
            Output = output;
            Milliseconds = milliseconds;
        }

        public string Name { get; }

        public TestOutcome Outcome { get; }

        /// <summary>Why it failed or was skipped; null when it passed.</summary>
        public string Message { get; }

        /// <summary>What the test wrote through OutputHelper.</summary>
        public string Output { get; }

        public double Milliseconds { get; }

        public override string ToString()
        {
            string line = Outcome.ToString().ToUpperInvariant().PadRight(7) + " " + Name + " (" + Milliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " ms)";
            return Message == null ? line : line + "\n        " + Message;
        }
    }
}
