using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// Every option of every command, tried with edge values for its type (empty, blank, 100,000 characters, control
/// and bidi characters, negative, huge and non-finite numbers, overflowing durations, numbers for enums): each is a
/// usage error, exit 2, one line on stderr that quotes the value at most 64 characters long, no stack trace, and
/// nothing created. The tree is walked, so an option added later is covered (or this test names it).
/// </summary>
public sealed class OptionTableTests : IAsyncLifetime
{
    private const string H = CliHarness.HolderId;
    private const string S = CliHarness.SpouseId;

    /// <summary>A valid invocation of each command; the option under test replaces its own value here or is added.</summary>
    private static readonly Dictionary<string, string[]> Baselines = new()
    {
        ["demo"] = [],
        ["sim"] = ["--duration", "0.1"],
        ["ports"] = [],
        ["provision"] = ["--reader", "1"],
        ["reader status"] = ["--simulated"],
        ["reader hotlist push"] = ["--simulated"],
        ["reader journal sync"] = ["--simulated"],
        ["reader reset"] = ["--simulated"],
        ["reader wipe"] = ["--yes", "--simulated"],
        ["card enroll"] = ["--id", H, "--name", "Zhang Wei", "--card", "MC0001", "--uid", "04A1B2C9", "--pin", "123456"],
        ["card show"] = ["--card", "MC0001"],
        ["card report-loss"] = ["--card", "MC0001", "--name", "Zhang Wei", "--id", H],
        ["card cancel-loss"] = ["--card", "MC0001", "--id", H],
        ["card replace"] = ["--card", "MC0001", "--id", H, "--new-card", "MC0002", "--new-uid", "04A1B2C8", "--pin", "1234"],
        ["card claim"] = ["--card", "MC0001", "--reference", "R1", "--time", "2026-01-01T00:00:00Z", "--institution", "H001", "--amount", "10"],
        ["card import"] = ["--file", "people.csv"],
        ["pin change"] = ["--card", "MC0001", "--old-pin", "1234", "--new-pin", "5678"],
        ["pin reset"] = ["--card", "MC0001", "--id", H, "--new-pin", "5678"],
        ["pin keys list"] = [],
        ["pin keys rotate"] = [],
        ["family bind"] = ["--payer", H, "--beneficiary", S, "--relation", "spouse"],
        ["family unbind"] = ["--payer", H, "--beneficiary", S],
        ["family list"] = ["--payer", H],
        ["settle"] = ["--simulated", "--card", "MC0001", "--pin", "123456", "--institution", "H001", "--amount", "10"],
        ["refund"] = ["--reader", "1", "--counter", "1"],
        ["balance"] = ["--id", H],
        ["records list"] = ["--card", "MC0001"],
        ["records print"] = ["--card", "MC0001"],
        ["institution add"] = ["--id", "H001", "--name", "City No.1 Hospital"],
        ["institution list"] = [],
        ["policy show"] = [],
        ["policy set"] = ["--visit", "outpatient", "--deductible", "100", "--copay", "30", "--cap", "20000"],
        ["region add"] = ["--code", "310000", "--name", "Shanghai", "--visit", "outpatient", "--deductible", "0", "--copay", "10", "--cap", "5000"],
        ["region list"] = [],
        ["clearing report"] = ["--from", "2026-12-01", "--to", "2026-12-31"],
        ["audit"] = [],
    };

    /// <summary>Options that exclude another of the baseline (balance takes exactly one of --id or --card).</summary>
    private static readonly Dictionary<(string, string), string> Excludes = new() { [("balance", "--card")] = "--id" };

    private static readonly string Long = new('x', 100_000);

    private static readonly string[] TextValues = ["", "   ", Long, "a\u0007b", "a\nb", "\u202Eab", "a\u2066b", "a\u0085b"];

    private static readonly string[] WholeValues = ["", "-1", "abc", "1.5", "99999999999999999999", new string('9', 100_000)];

    private static readonly string[] SecondsValues = ["", "-1", "abc", "NaN", "Infinity", "1e300", "99999999999999999999", "10675199.02:48:05", new string('9', 100_000)];

    private static readonly string[] EnumValues = ["", "-1", "1", "99", "nope", Long];

    private static readonly string[] FlagValues = ["maybe", "-1", ""];

    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private static RootCommand Tree() => CommandTree.Build(new CliIo(TextWriter.Null, TextWriter.Null, TextReader.Null, false));

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        if (command.Subcommands.Count == 0)
        {
            yield return (path, command);
        }

        foreach (Command sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>(command path, option name): every option of every leaf command, and the global options once.</summary>
    public static TheoryData<string, string> Options()
    {
        var data = new TheoryData<string, string>();
        RootCommand root = Tree();
        foreach (Option global in root.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption))
        {
            data.Add("audit", global.Name);
        }

        foreach ((string path, Command command) in Leaves(root, string.Empty))
        {
            foreach (Option option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
            {
                data.Add(path, option.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_command_has_a_baseline_and_every_option_a_rule()
    {
        RootCommand root = Tree();
        Assert.Equal(Baselines.Keys.Order(), Leaves(root, string.Empty).Select(l => l.Path).Order());
        foreach ((Command _, Option option) in OptionRules.Walk(root))
        {
            Assert.True(OptionRules.HasRule(option), option.Name + " has a value type without a rule in OptionRules");
        }
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task Edge_values_are_one_line_usage_errors(string commandPath, string optionName)
    {
        RootCommand root = Tree();
        Option option = root.Options.Concat(Leaves(root, string.Empty).Single(l => l.Path == commandPath).Command.Options)
            .First(o => o.Name == optionName);
        string[] values = option switch
        {
            Option<string> or Option<string[]> => TextValues,
            Option<bool> => FlagValues,
            Option<double> or Option<double?> => SecondsValues,
            Option<uint> or Option<int> or Option<int?> => WholeValues,
            _ when option.ValueType.IsEnum => EnumValues,
            _ => throw new InvalidOperationException(optionName + ": add its value type to this table"),
        };
        bool secret = optionName.EndsWith("pin", StringComparison.Ordinal) || optionName.EndsWith("key", StringComparison.Ordinal) || optionName is "--store";
        string[] baseline = Without(Baselines[commandPath], optionName);
        if (Excludes.TryGetValue((commandPath, optionName), out string? excluded))
        {
            baseline = Without(baseline, excluded);
        }

        var failures = new List<string>();
        foreach (string value in values)
        {
            string[] args = [.. optionName == "--store" ? Array.Empty<string>() : ["--store", _cli.Store], .. commandPath.Split(' '), .. baseline,
                optionName, value];
            CliRun run = await _cli.RunAsync(args);
            string shown = value.Length > 20 ? value[..20] + "... (" + value.Length + " chars)" : value;
            string[] lines = run.Error.TrimEnd('\n').Split('\n');
            string? problem =
                run.ExitCode != ExitCodes.BadInput ? "exit " + run.ExitCode
                : lines.Length != 1 ? lines.Length + " lines"
                : run.Error.Length > Echo.MaxLineChars + 2 ? run.Error.Length + " characters"
                : run.Error.Contains("   at ", StringComparison.Ordinal) ? "a stack trace"
                : run.Error.Any(c => c is '\u0007' or '\u0085' or '\u202E' or '\u2066') ? "a raw control or bidi character"
                : secret && value.Trim().Length > 0 && run.Error.Contains(value, StringComparison.Ordinal) ? "the secret quoted back"
                : File.Exists(_cli.Store) ? "the store was created"
                : null;
            if (problem is not null)
            {
                failures.Add("'" + shown.Replace("\n", "\\n", StringComparison.Ordinal) + "': " + problem + ": " + run.Error.TrimEnd()[..Math.Min(300, run.Error.TrimEnd().Length)]);
            }
        }

        Assert.True(failures.Count == 0, commandPath + " " + optionName + ":\n" + string.Join("\n", failures));
    }

    private static string[] Without(string[] args, string option)
    {
        int at = Array.IndexOf(args, option);
        return at < 0 ? args : [.. args[..at], .. args[Math.Min(args.Length, at + 2)..]];
    }
}
