using System;

namespace MedCard.Cli.Demo;

/// <summary>A demo step did not do what the rules say it must: the demo stops and exits non-zero, so the
/// demo doubles as an end-to-end check of the rules.</summary>
internal sealed class DemoExpectationException(string step, string expected, string actual)
    : Exception("demo step '" + step + "' expected " + expected + " but got " + actual)
{
}
