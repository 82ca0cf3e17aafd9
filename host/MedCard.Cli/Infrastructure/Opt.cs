using System;
using System.CommandLine;
using System.Runtime.CompilerServices;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// Declaring options. Every option of the tool goes through <see cref="OptionRules"/> when the command tree is built
/// (value checks at parse time, exit 2 with one line); what is declared here only refines the rule an option gets
/// from its type: the kind of text it takes, or the range of a number.
/// </summary>
internal static class Opt
{
    private static readonly ConditionalWeakTable<Option, OptionSpec> Specs = [];

    public static Option<string> Required(string name, string description, ValueKind kind = ValueKind.Token) =>
        Tag(new Option<string>(name) { Description = description, Required = true }, kind);

    public static Option<string> Optional(string name, string description, ValueKind kind = ValueKind.Token) =>
        Tag(new Option<string>(name) { Description = description }, kind);

    /// <summary>A repeatable option (one value per occurrence).</summary>
    public static Option<string[]> Many(string name, string description, ValueKind kind = ValueKind.Token, bool required = false) =>
        Tag(new Option<string[]>(name) { Description = description, Required = required, AllowMultipleArgumentsPerToken = false }, kind);

    /// <summary>Gives an option its kind of text (see <see cref="ValueKind"/>).</summary>
    public static T Tag<T>(T option, ValueKind kind)
        where T : Option
    {
        Specs.AddOrUpdate(option, (SpecOf(option) ?? new OptionSpec()) with { Kind = kind });
        return option;
    }

    /// <summary>Gives a numeric option its range (inclusive); outside it is a usage error.</summary>
    public static T Range<T>(T option, double min, double max)
        where T : Option
    {
        Specs.AddOrUpdate(option, (SpecOf(option) ?? new OptionSpec()) with { Min = min, Max = max });
        return option;
    }

    public static OptionSpec? SpecOf(Option option) => Specs.TryGetValue(option, out OptionSpec? spec) ? spec : null;
}

/// <summary>What kind of text an option takes; decides its length limit and whether an error may quote it.</summary>
internal enum ValueKind
{
    /// <summary>A short formatted value (card number, UID, amount, time, bill item...): at most 128 characters.</summary>
    Token = 0,

    /// <summary>An identifier stored in the ledger (institution id, receipt reference): the ledger's TextRule, 64 characters.</summary>
    Id = 1,

    /// <summary>A name stored and printed (holder, employer, institution): the ledger's TextRule, 100 characters.</summary>
    Name = 2,

    /// <summary>A file or folder path, or a serial port: at most 4096 characters.</summary>
    Path = 3,

    /// <summary>A secret or a string that may hold one (PIN, key, connection string): never quoted back.</summary>
    Secret = 4,
}

/// <summary>The refinements of one option's rule.</summary>
internal sealed record OptionSpec(ValueKind Kind = ValueKind.Token, double? Min = null, double? Max = null);
