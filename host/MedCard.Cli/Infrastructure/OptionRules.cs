using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Reflection;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// The one place where option values are checked, for every option of every command, at parse time (before any
/// command runs, before any store or file is touched): a bad value is a usage error, exit 2, one line that quotes
/// the value at most 64 characters long (<see cref="Echo"/>), never a stack trace.
/// <list type="bullet">
/// <item>Text: not empty or blank, within the length of its <see cref="ValueKind"/>, free of control and
/// bidirectional formatting characters (the ledger's <see cref="TextRule"/>).</item>
/// <item>Enums: only their names (case-insensitive), never numbers (<c>--visit -1</c> is refused).</item>
/// <item>Whole numbers: decimal digits with an optional sign, within the type's range or the declared one.</item>
/// <item>Seconds (double): finite and within the declared range, by default 0 to 1,000,000 (about 11.6 days), so
/// nothing later overflows a <see cref="TimeSpan"/>.</item>
/// </list>
/// </summary>
internal static class OptionRules
{
    public const double DefaultMaxSeconds = 1_000_000;

    private static readonly MethodInfo EnumRule = typeof(OptionRules).GetMethod(nameof(ApplyEnum), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Applies the rules to every option below <paramref name="root"/>.</summary>
    public static void Apply(Command root)
    {
        foreach (Option option in AllOptions(root))
        {
            Apply(option);
        }
    }

    /// <summary>Every option in the tree, each once (recursive options are declared on the root only).</summary>
    public static IEnumerable<(Command Command, Option Option)> Walk(Command command)
    {
        foreach (Option option in command.Options)
        {
            yield return (command, option);
        }

        foreach (Command sub in command.Subcommands)
        {
            foreach (var pair in Walk(sub))
            {
                yield return pair;
            }
        }
    }

    /// <summary>True when the option's value type has a rule here (the test checks every option has one).</summary>
    public static bool HasRule(Option option) =>
        IsBuiltIn(option) || option is Option<string> or Option<string[]> or Option<bool> or Option<uint> or Option<int> or Option<int?>
            or Option<double> or Option<double?> || EnumType(option.ValueType) is not null;

    private static IEnumerable<Option> AllOptions(Command root) => Walk(root).Select(p => p.Option).Distinct();

    private static bool IsBuiltIn(Option option) => option is HelpOption or VersionOption;

    private static void Apply(Option option)
    {
        OptionSpec spec = Opt.SpecOf(option) ?? new OptionSpec();
        if (Opt.SpecOf(option) is null && IsPathName(option.Name))
        {
            spec = spec with { Kind = ValueKind.Path }; // declared without a kind, but named like a path
        }

        if (IsSecretName(option.Name))
        {
            spec = spec with { Kind = ValueKind.Secret }; // whoever declared it: a PIN or key is never quoted back
        }

        switch (option)
        {
            case Option<string> or Option<string[]>:
                option.Validators.Add(r => CheckText(r, spec));
                break;
            case Option<uint> u:
                u.CustomParser = r => (uint)Whole(r, spec, uint.MinValue, uint.MaxValue);
                break;
            case Option<int> i:
                i.CustomParser = r => (int)Whole(r, spec, int.MinValue, int.MaxValue);
                break;
            case Option<int?> n:
                n.CustomParser = r => (int?)(int)Whole(r, spec, int.MinValue, int.MaxValue);
                break;
            case Option<double> d:
                d.CustomParser = r => Seconds(r, spec);
                break;
            case Option<double?> dn:
                dn.CustomParser = r => Seconds(r, spec);
                break;
            default:
                if (EnumType(option.ValueType) is { } enumType)
                {
                    EnumRule.MakeGenericMethod(enumType).Invoke(null, [option]);
                }

                break;
        }
    }

    private static bool IsPathName(string name) =>
        name is "--output" or "--port" or "--bill" or "--file" or "--state" or "--cards" or "--card-keys" or "--export-cards";

    private static bool IsSecretName(string name) =>
        name.EndsWith("pin", StringComparison.OrdinalIgnoreCase) || name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static Type? EnumType(Type type) => type.IsEnum ? type : Nullable.GetUnderlyingType(type) is { IsEnum: true } inner ? inner : null;

    private static void CheckText(OptionResult result, OptionSpec spec)
    {
        string name = result.Option.Name;
        foreach (Token token in result.Tokens)
        {
            string value = token.Value;
            if (TextRule.Problem(value, MaxLength(spec.Kind)) is { } problem)
            {
                result.AddError(name + Quote(value, spec.Kind) + " " + problem);
                return;
            }
        }
    }

    private static int MaxLength(ValueKind kind) => kind switch
    {
        ValueKind.Id => TextRule.MaxIdLength,
        ValueKind.Name => TextRule.MaxNameLength,
        ValueKind.Path or ValueKind.Secret => 4096,
        _ => 128,
    };

    private static string Quote(string value, ValueKind kind) => kind == ValueKind.Secret ? string.Empty : " '" + Echo.Value(value) + "'";

    private static string Single(ArgumentResult r) => r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Join(' ', r.Tokens.Select(t => t.Value));

    private static string OptionName(ArgumentResult r) => r.Parent is OptionResult o ? o.Option.Name : r.Argument.Name;

    private static long Whole(ArgumentResult r, OptionSpec spec, long typeMin, long typeMax)
    {
        long min = spec.Min is double lo ? (long)Math.Max(lo, typeMin) : typeMin;
        long max = spec.Max is double hi ? (long)Math.Min(hi, typeMax) : typeMax;
        string text = Single(r);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
        {
            return value;
        }

        r.AddError(OptionName(r) + " '" + Echo.Value(text) + "' is not a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to "
            + max.ToString(CultureInfo.InvariantCulture));
        return Math.Max(min, 0);
    }

    private static double Seconds(ArgumentResult r, OptionSpec spec)
    {
        double min = spec.Min ?? 0;
        double max = spec.Max ?? DefaultMaxSeconds;
        string text = Single(r);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        r.AddError(OptionName(r) + " '" + Echo.Value(text) + "' is not a number of seconds from " + min.ToString(CultureInfo.InvariantCulture) + " to "
            + max.ToString(CultureInfo.InvariantCulture));
        return min;
    }

    /// <summary>An enum value by its name only (case-insensitive): "1" or "-1" are not names. Used for options and
    /// for the same values in files (bill visit type, import gender).</summary>
    public static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (string n in Enum.GetNames<T>())
        {
            if (string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<T>(n);
                return true;
            }
        }

        value = default;
        return false;
    }

    private static void ApplyEnum<T>(Option option)
        where T : struct, Enum
    {
        string[] names = Enum.GetNames<T>();
        string choices = string.Join(", ", names.Select(n => n.ToLowerInvariant()));
        T Parse(ArgumentResult r)
        {
            string text = Single(r);
            if (TryParseName(text, out T value))
            {
                return value;
            }

            r.AddError(OptionName(r) + " '" + Echo.Value(text) + "' is not one of " + choices);
            return default;
        }

        switch (option)
        {
            case Option<T> plain:
                plain.CustomParser = Parse;
                break;
            case Option<T?> nullable:
                nullable.CustomParser = r => Parse(r);
                break;
        }
    }
}
