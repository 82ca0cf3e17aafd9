using System.CommandLine;

namespace MedCard.Cli.Infrastructure;

/// <summary>Options every command accepts (recursive on the root command).</summary>
internal static class GlobalOptions
{
    public const string DefaultStore = "./medcard.db";

    public static Option<string> Store { get; } = Opt.Tag(new Option<string>("--store")
    {
        Description = "The ledger: a SQLite file path, or a PostgreSQL connection string (Host=...;Database=...)",
        DefaultValueFactory = _ => DefaultStore,
        Recursive = true,
        HelpName = "path|connection-string",
    }, ValueKind.Secret); // a connection string may hold a password: never quoted back

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Machine output: one JSON document on stdout, no colours, no progress",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show the details of an error (exception type and stack trace)",
        Recursive = true,
    };
}
