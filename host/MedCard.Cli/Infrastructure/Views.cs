using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using Spectre.Console;

namespace MedCard.Cli.Infrastructure;

/// <summary>How domain objects look on screen (Spectre tables) and in --json (amounts always integer fen,
/// keys ending in "Fen"). Resident ID numbers are shown masked on screen, in full only in JSON for scripts.</summary>
internal static class Views
{
    public static JsonObject Person(Person p) => new()
    {
        ["residentId"] = p.ResidentId,
        ["name"] = p.Name,
        ["gender"] = p.Gender.ToString().ToLowerInvariant(),
        ["employer"] = p.Employer,
        ["balanceFen"] = p.Balance,
    };

    public static JsonObject Card(Card c) => new()
    {
        ["cardNumber"] = c.CardNumber,
        ["uid"] = c.UidHex,
        ["residentId"] = c.ResidentId,
        ["status"] = Status(c.Status),
        ["pinTriesLeft"] = c.PinTriesLeft,
        ["unprintedRecords"] = c.UnprintedCount,
        ["unprintedLimit"] = CardRules.UnprintedRecordLimit,
        ["issuedAt"] = c.IssuedAt.ToString("O", CultureInfo.InvariantCulture),
        ["lostAt"] = c.LostAt?.ToString("O", CultureInfo.InvariantCulture),
        ["replacedBy"] = c.ReplacedBy,
        ["replaces"] = c.Replaces,
    };

    public static JsonObject Record(CardRecord r) => new()
    {
        ["reader"] = r.ReaderId,
        ["counter"] = r.Counter,
        ["time"] = r.Time.ToString("O", CultureInfo.InvariantCulture),
        ["institution"] = r.InstitutionId,
        ["visit"] = Visit(r.VisitType),
        ["totalFen"] = r.Total,
        ["fundFen"] = r.Fund,
        ["personalFen"] = r.Personal,
        ["cashFen"] = r.Cash,
        ["refunded"] = r.Refunded,
        ["originalCard"] = r.OriginalCardNumber,
    };

    public static string Status(CardStatus status) => status switch
    {
        CardStatus.ReportedLost => "reported-lost",
        CardStatus.PinBlocked => "pin-blocked",
        CardStatus.Replaced => "replaced",
        _ => "active",
    };

    public static string Visit(VisitType visit) => visit.ToString().ToLowerInvariant();

    /// <summary>A visit type's policy in --json (null when none is set): `policy show` and `region list`.</summary>
    public static JsonObject? Policy(VisitPolicy? p) => p is null ? null : new JsonObject
    {
        ["deductibleFen"] = p.YearlyDeductible,
        ["copayBasisPoints"] = p.CoPaymentBasisPoints,
        ["fundCapFen"] = p.YearlyFundCap,
    };

    /// <summary>A policy's three table cells: yearly deductible, co-payment, yearly fund cap ("not set" when none is).</summary>
    public static string[] PolicyCells(VisitPolicy? p) => p is null
        ? ["not set", "-", "-"]
        : [Money.Format(p.YearlyDeductible), Inputs.Percent(p.CoPaymentBasisPoints), Money.Format(p.YearlyFundCap)];

    public static string Mask(string residentId) => MedCard.Settlement.Statements.Statement.Mask(residentId);

    public static Table KeyValues(string title, IEnumerable<(string Key, string Value)> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).AddColumn("Field").AddColumn("Value");
        foreach ((string key, string value) in rows)
        {
            table.AddRow(Markup.Escape(key), Markup.Escape(value));
        }

        return table;
    }

    public static Table CardTable(Card card, Person? person)
    {
        var rows = new List<(string, string)>
        {
            ("Card number", card.CardNumber),
            ("UID", card.UidHex),
            ("Status", Status(card.Status)),
            ("PIN tries left", card.PinTriesLeft.ToString(CultureInfo.InvariantCulture) + " of " + CardRules.PinTries),
            ("Unprinted records", card.UnprintedCount.ToString(CultureInfo.InvariantCulture) + " of " + CardRules.UnprintedRecordLimit),
        };
        if (card.ReplacedBy is not null)
        {
            rows.Add(("Replaced by", card.ReplacedBy));
        }

        if (card.Replaces is not null)
        {
            rows.Add(("Replaces", card.Replaces));
        }

        if (person is not null)
        {
            rows.Add(("Holder", person.Name));
            rows.Add(("Resident ID", Mask(person.ResidentId)));
            rows.Add(("Personal account", Money.Format(person.Balance)));
        }

        return KeyValues("Card " + card.CardNumber, rows);
    }

    public static Table RecordsTable(string title, IReadOnlyList<CardRecord> records)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title))
            .AddColumn("Reader/counter").AddColumn("Date").AddColumn("Institution").AddColumn("Visit")
            .AddColumn(new TableColumn("Total").RightAligned()).AddColumn(new TableColumn("Fund").RightAligned())
            .AddColumn(new TableColumn("Account").RightAligned()).AddColumn(new TableColumn("Cash").RightAligned());
        foreach (CardRecord r in records)
        {
            table.AddRow(r.ReaderId + "/" + r.Counter, r.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(r.InstitutionId + (r.Refunded ? " (refunded)" : string.Empty)), Visit(r.VisitType), Money.Format(r.Total),
                Money.Format(r.Fund), Money.Format(r.Personal), Money.Format(r.Cash));
        }

        return table;
    }
}
