using System.Text.Json.Nodes;
using MedCard.Checkout;
using MedCard.Settlement.Ledger;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MedCard.Cli.Infrastructure;

/// <summary>How a checkout shows: the split (fund, own account, relative's account, cash) and every step
/// of its explanation; in JSON the same with amounts in fen.</summary>
internal static class SettleView
{
    public static JsonObject Json(CheckoutResult r, Purchase p)
    {
        SettlementRecord? rec = r.Outcome?.Record;
        var explanation = new JsonArray();
        foreach (string step in r.Explanation)
        {
            explanation.Add(step);
        }

        return new JsonObject
        {
            ["settled"] = r.IsSettled,
            ["duplicate"] = (r.Outcome?.Duplicate ?? false) || r.AlreadyCountedAs is not null,
            ["alreadyCountedAs"] = r.AlreadyCountedAs,
            ["reader"] = r.ReaderId,
            ["counter"] = r.Counter,
            ["signed"] = r.Signed,
            ["card"] = r.CardNumber,
            ["institution"] = p.InstitutionId,
            ["visit"] = Views.Visit(p.VisitType),
            ["recordVerdict"] = r.RecordVerdict,
            ["totalFen"] = r.Total,
            ["fundFen"] = rec?.Fund ?? 0,
            ["deductibleAppliedFen"] = rec?.DeductibleApplied ?? 0,
            ["ownAccountFen"] = rec?.OwnAccount ?? 0,
            ["relativeAccountFen"] = rec?.RelativeAccount ?? 0,
            ["relative"] = rec?.RelativeId,
            ["cashFen"] = rec?.Cash ?? 0,
            ["explanation"] = explanation,
            ["refusal"] = r.Status != CheckoutStatus.Refused ? null : new JsonObject
            {
                ["code"] = r.Refusal is null ? null : (int)r.Refusal.Code,
                ["key"] = r.Reason,
                ["message"] = r.Message,
                ["pinTriesLeft"] = r.Refusal?.PinTriesLeft,
            },
        };
    }

    public static IRenderable Render(CheckoutResult r, Purchase p, string? title = null)
    {
        string head = title ?? ("Settlement " + r.ReaderId + "/" + r.Counter);
        head += " - card " + r.CardNumber + ", " + Views.Visit(p.VisitType) + " at " + p.InstitutionId + ", bill " + Money.Format(r.Total);
        var header = new Markup("[bold]" + Markup.Escape(head) + "[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Share").AddColumn(new TableColumn("Amount").RightAligned());
        if (r.Status == CheckoutStatus.Refused)
        {
            table.AddColumn("Why");
            table.AddRow("[red]refused[/]", "-", Markup.Escape(r.Reason + ": " + r.Message));
            return new Rows(header, table);
        }

        if (r.AlreadyCountedAs is { } original)
        {
            table.AddRow("[yellow]signed twice[/]", "-");
            return new Rows(header, table, new Markup("  - " + Markup.Escape("the reader signed the same request again; the bill was counted with record "
                + r.ReaderId + "/" + original + ": nothing settled or debited again")));
        }

        SettlementRecord rec = r.Outcome!.Record!;
        table.AddRow("Pooled fund", Money.Format(rec.Fund));
        table.AddRow("Own personal account", Money.Format(rec.OwnAccount));
        if (rec.RelativeId is not null)
        {
            table.AddRow("Relative's account (" + Markup.Escape(Views.Mask(rec.RelativeId)) + ")", Money.Format(rec.RelativeAccount));
        }

        table.AddRow("Cash", Money.Format(rec.Cash));
        if (r.Outcome.Duplicate)
        {
            table.AddRow("[yellow]duplicate delivery[/]", "same answer, nothing debited again");
        }

        var steps = new Rows(System.Linq.Enumerable.Select(r.Explanation, s => (IRenderable)new Markup("  - " + Markup.Escape(s))));
        return new Rows(header, table, new Markup("[grey]How it was computed:[/]"), steps);
    }
}
