namespace nanoFramework.TestFramework.DesktopRunner
{
    public enum TestOutcome
    {
        Passed,
        Failed,
        Skipped,
    }
}
