using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using MedCard.Settlement.Model;

namespace MedCard.Cli.Infrastructure;

/// <summary>
/// Bills from the command line or a JSON file. On the command line each item is
/// <c>CODE:AMOUNT[:CLASS[:SELF-PAID%]]</c>, CLASS = covered (default), partly or self. The file is
/// <c>{"institution": "H001", "visit": "outpatient", "items": [{"code": "CONSULT", "description": "...",
/// "class": "covered", "amount": "25.00"}, {"code": "D1", "class": "partly", "selfPaid": "10", "amountFen": 9650}]}</c>
/// (amount in yuan as a string, or amountFen as an integer).
/// </summary>
internal static class BillReader
{
    /// <summary>Exactly one of: repeated --item, --amount (one covered item), --bill FILE.</summary>
    public static (List<BillItem> Items, string? Institution, VisitType? Visit) FromOptions(string[]? items, string? amount, string? file)
    {
        int sources = (items is { Length: > 0 } ? 1 : 0) + (amount is null ? 0 : 1) + (file is null ? 0 : 1);
        if (sources != 1)
        {
            throw CliException.BadInput(sources == 0 ? "no bill" : "more than one bill", "give exactly one of --item (repeatable), --amount or --bill");
        }

        if (file is not null)
        {
            return ReadFile(file);
        }

        if (amount is not null)
        {
            return ([ParseItem("BILL:" + amount)], null, null);
        }

        var list = new List<BillItem>();
        foreach (string item in items!)
        {
            list.Add(ParseItem(item));
        }

        return (list, null, null);
    }

    public static BillItem ParseItem(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length < 2 || parts.Length > 4 || parts[0].Trim().Length == 0)
        {
            throw CliException.BadInput("--item '" + Echo.Value(text) + "' is malformed", "write CODE:AMOUNT[:covered|partly|self[:SELF-PAID%]], e.g. DRUG1:96.50:partly:10");
        }

        long amount = Money.ParseYuan(parts[1], "the amount of item " + parts[0]);
        ItemClass cls = parts.Length >= 3 ? Class(parts[2]) : ItemClass.Covered;
        int selfPaid = parts.Length == 4 ? Inputs.BasisPoints(parts[3], "the self-paid ratio of item " + parts[0]) : 0;
        return Item(parts[0].Trim(), parts[0].Trim(), cls, amount, selfPaid);
    }

    public static (List<BillItem> Items, string? Institution, VisitType? Visit) ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw CliException.BadInput("bill file " + path + " does not exist", "check the --bill path");
        }
        catch (DirectoryNotFoundException)
        {
            throw CliException.BadInput("bill file " + path + " does not exist", "check the --bill path");
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            string? institution = root.TryGetProperty("institution", out JsonElement i) ? i.GetString() : null;
            VisitType? visit = root.TryGetProperty("visit", out JsonElement v) ? Visit(v.GetString()) : null;
            if (!root.TryGetProperty("items", out JsonElement items) || items.ValueKind != JsonValueKind.Array)
            {
                throw CliException.BadInput("bill file " + path + " has no \"items\" array", "see the bill file format in host/MedCard.Cli/README.md");
            }

            var list = new List<BillItem>();
            foreach (JsonElement e in items.EnumerateArray())
            {
                string code = e.TryGetProperty("code", out JsonElement c) ? c.GetString() ?? string.Empty : string.Empty;
                string description = e.TryGetProperty("description", out JsonElement d) ? d.GetString() ?? code : code;
                long amount = e.TryGetProperty("amountFen", out JsonElement f) ? f.GetInt64()
                    : Money.ParseYuan(e.TryGetProperty("amount", out JsonElement a) ? a.ToString() : null, "the amount of item " + code);
                ItemClass cls = e.TryGetProperty("class", out JsonElement k) ? Class(k.GetString() ?? string.Empty) : ItemClass.Covered;
                int selfPaid = e.TryGetProperty("selfPaid", out JsonElement s) ? Inputs.BasisPoints(s.ToString(), "the self-paid ratio of item " + code) : 0;
                list.Add(Item(code, description, cls, amount, selfPaid));
            }

            return (list, institution, visit);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw CliException.BadInput("bill file " + path + " is not valid: " + e.Message, "see the bill file format in host/MedCard.Cli/README.md");
        }
    }

    public static VisitType Visit(string? text) =>
        OptionRules.TryParseName(text, out VisitType v)
            ? v
            : throw CliException.BadInput("visit type '" + Echo.Value(text) + "' is unknown", "use outpatient, inpatient, pharmacy or emergency");

    private static ItemClass Class(string text) => text.Trim().ToLowerInvariant() switch
    {
        "covered" or "" => ItemClass.Covered,
        "partly" or "partly-self-paid" => ItemClass.PartlySelfPaid,
        "self" or "fully-self-paid" => ItemClass.FullySelfPaid,
        _ => throw CliException.BadInput("item class '" + Echo.Value(text) + "' is unknown", "use covered, partly or self"),
    };

    private static BillItem Item(string code, string description, ItemClass cls, long amount, int selfPaid)
    {
        if (code.Length == 0)
        {
            throw CliException.BadInput("a bill item has no code", "give every item a code");
        }

        if (amount <= 0)
        {
            throw CliException.BadInput("item " + code + " has amount " + amount.ToString(CultureInfo.InvariantCulture) + " fen", "amounts must be positive");
        }

        if (cls == ItemClass.PartlySelfPaid && selfPaid == 0)
        {
            throw CliException.BadInput("item " + code + " is partly self-paid but has no ratio", "add it, e.g. " + code + ":" + Money.Format(amount) + ":partly:10");
        }

        if (cls != ItemClass.PartlySelfPaid && selfPaid != 0)
        {
            throw CliException.BadInput("item " + code + " has a self-paid ratio but is not 'partly'", "drop the ratio or use class partly");
        }

        return new BillItem(code, description, cls, amount, selfPaid);
    }
}
