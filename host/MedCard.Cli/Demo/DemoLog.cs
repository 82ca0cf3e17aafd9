using System.Collections.Generic;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Checkout;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MedCard.Cli.Demo;

/// <summary>Collects what each demo section did: one table per section for people, one JSON array for
/// scripts. Every line states what the rules were expected to do and what they did.</summary>
internal sealed class DemoLog
{
    private readonly JsonArray _steps = new();
    private Table? _table;
    private string _section = string.Empty;

    public JsonArray Steps => _steps;

    public int Count { get; private set; }

    public void BeginSection(string title)
    {
        _section = title;
        _table = new Table().Border(TableBorder.Rounded).Title("[bold]" + Markup.Escape(title) + "[/]")
            .AddColumn("What happened").AddColumn("Card").AddColumn(new TableColumn("Bill").RightAligned())
            .AddColumn(new TableColumn("Fund").RightAligned()).AddColumn(new TableColumn("Account").RightAligned())
            .AddColumn(new TableColumn("Relative").RightAligned()).AddColumn(new TableColumn("Cash").RightAligned()).AddColumn("Result");
    }

    /// <summary>The finished section's table.</summary>
    public IRenderable EndSection() => _table!;

    /// <summary>The demo's one-word outcome of a checkout: "ok", "duplicate", or the refusal's reason code.</summary>
    public static string Actual(CheckoutResult r) =>
        r.Status == CheckoutStatus.Refused ? r.Reason : r.Outcome?.Duplicate == true || r.AlreadyCountedAs is not null ? "duplicate" : "ok";

    public void Settlement(string what, CheckoutResult r, Purchase p, string expected)
    {
        string result = r.Status == CheckoutStatus.Refused ? "[red]refused[/] " + Markup.Escape(r.Reason)
            + (r.Refusal?.PinTriesLeft is int t && t > 0 ? " (" + t + " left)" : string.Empty)
            : Actual(r) == "duplicate" ? "[yellow]duplicate: same answer, no 2nd debit[/]" : "[green]settled[/] " + r.ReaderId + "/" + r.Counter;
        var rec = r.Outcome?.Record;
        bool settled = r.IsSettled && rec is not null;
        _table!.AddRow(Markup.Escape(what), r.CardNumber ?? "-", Money.Format(r.Total), settled ? Money.Format(rec!.Fund) : "-",
            settled ? Money.Format(rec!.OwnAccount) : "-", settled && rec!.RelativeId is not null ? Money.Format(rec.RelativeAccount) : "-",
            settled ? Money.Format(rec!.Cash) : "-", result);
        Add(what, expected, Actual(r), SettleView.Json(r, p));
    }

    public void Desk(string what, string card, string result, string expected = "ok", string? actual = null)
    {
        _table!.AddRow(Markup.Escape(what), Markup.Escape(card), "-", "-", "-", "-", "-", actual is null or "ok"
            ? "[green]" + Markup.Escape(result) + "[/]" : "[red]refused[/] " + Markup.Escape(actual));
        Add(what, expected, actual ?? "ok", new JsonObject { ["card"] = card, ["note"] = result });
    }

    private void Add(string what, string expected, string actual, JsonObject details)
    {
        Count++;
        _steps.Add(new JsonObject
        {
            ["section"] = _section,
            ["step"] = what,
            ["expected"] = expected,
            ["actual"] = actual,
            ["details"] = details,
        });
    }

    public static IRenderable Notes(string title, IEnumerable<string> lines)
    {
        var rows = new List<IRenderable> { new Markup("[grey]" + Markup.Escape(title) + "[/]") };
        foreach (string line in lines)
        {
            rows.Add(new Markup("  - " + Markup.Escape(line)));
        }

        return new Rows(rows);
    }
}
