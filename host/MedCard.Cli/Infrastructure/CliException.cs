using System;
using System.Text.Json.Nodes;

namespace MedCard.Cli.Infrastructure;

/// <summary>A failure the tool expected and can explain in one line: what failed, why, and what to do.
/// The exit code says which kind it is (<see cref="ExitCodes"/>).</summary>
internal class CliException : Exception
{
    public CliException(int exitCode, string kind, string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
        Kind = kind;
        Hint = hint;
    }

    public int ExitCode { get; }

    /// <summary>"bad-input", "refused", "io" — the JSON error kind.</summary>
    public string Kind { get; }

    public string? Hint { get; }

    /// <summary>Extra machine fields for --json (reason code, tries left, reader and counter...).</summary>
    public JsonObject Details { get; } = new();

    public static CliException BadInput(string message, string? hint = null) => new(ExitCodes.BadInput, "bad-input", message, hint);

    public static CliException Io(string message, string? hint = null, Exception? inner = null) =>
        new(ExitCodes.IoFailure, "io", message, hint, inner);
}
