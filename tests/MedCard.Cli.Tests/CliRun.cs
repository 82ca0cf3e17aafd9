using System.Text.Json;

namespace MedCard.Cli.Tests;

/// <summary>The result of one in-process run of the tool.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>stdout parsed as the single JSON document --json promises.</summary>
    public JsonElement Json
    {
        get
        {
            using JsonDocument doc = JsonDocument.Parse(Out);
            return doc.RootElement.Clone();
        }
    }

    public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Out + "\nstderr:\n" + Error;
}
