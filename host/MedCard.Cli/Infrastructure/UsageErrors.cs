using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;

namespace MedCard.Cli.Infrastructure;

/// <summary>Parse errors (unknown command or option, missing or malformed value): one line and exit 2, instead
/// of System.CommandLine's default of printing the whole help and returning 1.</summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parse, CliIo io)
    {
        // "Required command was not provided" accompanies an unknown command; the unknown token says more.
        var ordered = parse.Errors.OrderBy(e => e.Message.StartsWith("Required command", System.StringComparison.Ordinal) ? 1 : 0).ToList();
        string first = Quoted(parse, ordered[0].Message).TrimEnd('.');
        string command = string.Join(' ', parse.CommandResult.Command.Name == parse.RootCommandResult.Command.Name
            ? ["medcard"]
            : new[] { "medcard" }.Concat(CommandPath(parse)));
        string more = parse.Errors.Count > 1 ? " (and " + (parse.Errors.Count - 1) + " more)" : string.Empty;
        io.Error.WriteLine(Echo.Line("medcard: " + first + more + ". To fix: see '" + command + " --help'."));
        bool json = parse.Tokens.Any(t => t.Value == "--json");
        if (json)
        {
            var errors = new JsonArray();
            foreach (var error in parse.Errors)
            {
                errors.Add(Echo.Line(Quoted(parse, error.Message)));
            }

            io.Out.WriteLine(new JsonObject
            {
                ["ok"] = false,
                ["exitCode"] = ExitCodes.BadInput,
                ["error"] = new JsonObject { ["kind"] = "usage", ["message"] = first, ["errors"] = errors },
            }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }

        return ExitCodes.BadInput;
    }

    /// <summary>System.CommandLine's own messages quote whole tokens (an unknown 100,000-character argument):
    /// each long token is shortened the way <see cref="Echo"/> quotes values.</summary>
    private static string Quoted(ParseResult parse, string message)
    {
        foreach (var token in parse.Tokens)
        {
            if (token.Value.Length > Echo.MaxChars && message.Contains(token.Value, System.StringComparison.Ordinal))
            {
                message = message.Replace(token.Value, Echo.Value(token.Value), System.StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static System.Collections.Generic.IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new System.Collections.Generic.List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = parse.CommandResult; r is System.CommandLine.Parsing.CommandResult c && c.Parent is not null; r = r.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names;
    }
}
