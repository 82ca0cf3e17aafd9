namespace MedCard.Firmware.DesktopTests.Runner
{
    public enum TestOutcome
    {
        Passed,
        Failed,
        Skipped,
    }
}
