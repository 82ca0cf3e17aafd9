using System.IO;

namespace MedCard.Simulator.InProcess;

/// <summary>Another process holds this simulated reader's flash (two processes must never sign on one reader's counter).</summary>
public sealed class SimulatedReaderBusyException : IOException
{
    /// <summary>The reader in <paramref name="directory"/> is in use.</summary>
    public SimulatedReaderBusyException(string directory)
        : base("the simulated reader in " + directory + " is in use by another process")
    {
        Directory = directory;
    }

    /// <summary>The reader's folder.</summary>
    public string Directory { get; }
}
