using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>Tests that listen to the process-wide "MedCard.Checkout" and "MedCard.Host" instruments run alone, after the parallel
/// tests, so no other test's checkout lands in their measurements (every scene numbers its readers from 1).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
