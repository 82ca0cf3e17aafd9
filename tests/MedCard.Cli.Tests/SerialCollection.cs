using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>Tests that drive the simulator's real-time keypad run alone, not next to CPU-heavy tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial (real-time simulator)";
}
