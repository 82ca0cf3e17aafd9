namespace MedCard.Simulator.Link;

/// <summary>Which way bytes travel on the simulated wire.</summary>
public enum LinkDirection
{
    /// <summary>Host to reader (requests, event ACKs).</summary>
    HostToReader = 0,

    /// <summary>Reader to host (answers, events).</summary>
    ReaderToHost = 1,
}
