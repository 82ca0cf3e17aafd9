using System.Globalization;
using System.Text;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Statements;

/// <summary>Plain-text statement, fixed-width columns, for receipt printers and logs of statements.</summary>
public static class StatementTextRenderer
{
    /// <summary>The statement as fixed-width text.</summary>
    public static string Render(Statement statement)
    {
        var b = new StringBuilder();
        b.Append("MEDICAL INSURANCE CARD STATEMENT").Append('\n');
        b.Append("Card ").Append(statement.CardNumber).Append("  Holder ").Append(statement.HolderName)
            .Append("  ID ").Append(statement.MaskedResidentId).Append('\n');
        b.Append("Printed ").Append(statement.PrintedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (statement.StatementId is long id)
        {
            b.Append("  Statement #").Append(id.ToString(CultureInfo.InvariantCulture));
        }

        b.Append('\n');
        if (statement.IsEmpty)
        {
            b.Append("No unprinted records.").Append('\n');
            return b.ToString();
        }

        b.Append(Row("Date", "Institution", "Visit", "Total", "Fund", "Account", "Cash")).Append('\n');
        foreach (CardRecord r in statement.Records)
        {
            string institution = r.InstitutionId + (r.Refunded ? " (refunded)" : string.Empty)
                + (r.OriginalCardNumber != r.CardNumber ? " [card " + r.OriginalCardNumber + "]" : string.Empty);
            b.Append(Row(r.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), institution, r.VisitType.ToString(),
                SettlementCalculator.Fen(r.Total), SettlementCalculator.Fen(r.Fund), SettlementCalculator.Fen(r.Personal),
                SettlementCalculator.Fen(r.Cash))).Append('\n');
        }

        b.Append(Row("Total", statement.Records.Count.ToString(CultureInfo.InvariantCulture) + " records", string.Empty,
            SettlementCalculator.Fen(statement.Total), SettlementCalculator.Fen(statement.Fund), SettlementCalculator.Fen(statement.Personal),
            SettlementCalculator.Fen(statement.Cash))).Append('\n');
        return b.ToString();
    }

    private static string Row(string date, string institution, string visit, string total, string fund, string account, string cash) =>
        date.PadRight(11) + institution.PadRight(28) + visit.PadRight(11) + total.PadLeft(11) + fund.PadLeft(11) + account.PadLeft(11)
        + cash.PadLeft(11);
}
