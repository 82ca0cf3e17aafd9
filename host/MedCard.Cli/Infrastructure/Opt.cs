using System.CommandLine;

namespace MedCard.Cli.Infrastructure;

/// <summary>Short-hands for declaring options.</summary>
internal static class Opt
{
    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string> Optional(string name, string description) => new(name) { Description = description };
}
