using System.CommandLine;
using System.CommandLine.Invocation;
using System.Linq;
using System.Reflection;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// `medcard --version`: the tool's informational version (MinVer's, from the git tag the package was built at), read
/// from this assembly rather than the entry assembly, so it is the same when the tool runs in-process under a test host.
/// </summary>
internal sealed class ToolVersion : SynchronousCommandLineAction
{
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Makes the root command's built-in --version print <see cref="Informational"/>.</summary>
    public static void Attach(RootCommand root)
    {
        foreach (VersionOption option in root.Options.OfType<VersionOption>())
        {
            option.Action = new ToolVersion();
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Informational);
        return 0;
    }
}
