using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>End-to-end classes run one after another: each holds a pty, a poll thread and real-time timeouts.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
