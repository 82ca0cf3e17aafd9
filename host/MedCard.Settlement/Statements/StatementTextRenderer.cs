using System.Globalization;
using System.Text;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Statements;

/// <summary>Plain-text statement, fixed-width columns with amounts right-aligned, for receipt printers and logs of
/// statements. Times are the scheme's local time; the zone is named once, on the "Printed" line.</summary>
public static class StatementTextRenderer
{
    /// <summary>The statement as fixed-width text.</summary>
    public static string Render(Statement statement)
    {
        System.ArgumentNullException.ThrowIfNull(statement);
        var b = new StringBuilder();
        b.Append("MEDICAL INSURANCE CARD STATEMENT").Append('\n');
        b.Append("Card ").Append(statement.CardNumber).Append("  Holder ").Append(statement.HolderName)
            .Append("  ID ").Append(statement.MaskedResidentId).Append('\n');
        b.Append("Printed ").Append(StatementFormatting.LocalTime(statement.PrintedAt, statement.UtcOffset)).Append(' ')
            .Append(StatementFormatting.ZoneName(statement.UtcOffset));
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

        if (statement.Credits.Count > 0)
        {
            b.Append(Row("Time", "Account credit", string.Empty, string.Empty, "Credited", string.Empty, string.Empty, string.Empty)).Append('\n');
            foreach (MonthlyCredit c in statement.Credits)
            {
                b.Append(Row(StatementFormatting.LocalTime(c.CreditedAt, statement.UtcOffset), "Month-end credit " + c.Month, string.Empty,
                    string.Empty, "+" + SettlementCalculator.Fen(c.Amount), string.Empty, string.Empty, string.Empty)).Append('\n');
            }

            b.Append(Row("Credited", StatementFormatting.Count(statement.Credits.Count, "credit"), string.Empty, string.Empty,
                "+" + SettlementCalculator.Fen(statement.Credited), string.Empty, string.Empty, string.Empty)).Append('\n');
        }

        if (statement.Records.Count > 0)
        {
            b.Append(Row("Time", "Institution", "Reader/ctr", "Visit", "Total", "Fund", "Account", "Cash")).Append('\n');
            foreach (CardRecord r in statement.Records)
            {
                string institution = statement.InstitutionName(r.InstitutionId) + (r.Refunded ? " (refunded)" : string.Empty)
                    + (r.OriginalCardNumber != r.CardNumber ? " [card " + r.OriginalCardNumber + "]" : string.Empty);
                b.Append(Row(StatementFormatting.LocalTime(r.Time, statement.UtcOffset), institution,
                    r.ReaderId.ToString(CultureInfo.InvariantCulture) + "/" + r.Counter.ToString(CultureInfo.InvariantCulture), r.VisitType.ToString(),
                    SettlementCalculator.Fen(r.Total), SettlementCalculator.Fen(r.Fund), SettlementCalculator.Fen(r.Personal),
                    SettlementCalculator.Fen(r.Cash))).Append('\n');
            }

            b.Append(Row("Total", StatementFormatting.Count(statement.Records.Count, "record"), string.Empty, string.Empty,
                SettlementCalculator.Fen(statement.Total), SettlementCalculator.Fen(statement.Fund), SettlementCalculator.Fen(statement.Personal),
                SettlementCalculator.Fen(statement.Cash))).Append('\n');
        }

        return b.ToString();
    }

    private static string Row(string time, string institution, string reader, string visit, string total, string fund, string account, string cash) =>
        time.PadRight(18) + Fit(institution, 30).PadRight(31) + reader.PadRight(11) + visit.PadRight(11) + total.PadLeft(11) + fund.PadLeft(11)
        + account.PadLeft(11) + cash.PadLeft(11);

    /// <summary>Cuts a long name so the amounts stay in their columns.</summary>
    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}
