using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;

namespace MedCard.Settlement.Stores;

/// <summary>A holder's whole transaction history: printing a statement clears the 60-record count, never this.</summary>
public sealed partial class LedgerSession
{
    /// <summary>
    /// Every transaction of <paramref name="residentId"/>, on any of their cards, oldest first: contributions and
    /// month-end credits (from the journal), spends (card records, printed or not), refunds and loss-period
    /// reimbursements.
    /// </summary>
    public async Task<List<HistoryLine>> GetHistoryAsync(string residentId)
    {
        var lines = new List<HistoryLine>();
        string cardsOfPerson = "(SELECT card_number FROM cards WHERE resident_id = @id)";

        // Money into the account: opening balances, contributions, month-end credits (their statement, if printed).
        lines.AddRange(await QueryAsync(
            "SELECT e.created_at, e.kind, p.amount, e.reference, c.statement_id FROM postings p JOIN entries e ON e.entry_id = p.entry_id "
            + "LEFT JOIN account_credits c ON c.entry_id = e.entry_id WHERE p.account = @acct AND e.kind IN (@contribution, @credit)",
            r => new HistoryLine(DbTime.FromDb(L(r, 0)), L(r, 1) == (long)EntryKind.AccountCredit ? HistoryKind.AccountCredit : HistoryKind.Contribution,
                null, null, null, null, null, L(r, 2), 0, L(r, 2), 0, L(r, 2), r.GetString(3), NL(r, 4)),
            ("@id", residentId), ("@acct", LedgerAccounts.Personal(residentId)), ("@contribution", (long)EntryKind.Contribution),
            ("@credit", (long)EntryKind.AccountCredit)).ConfigureAwait(false));

        // Spends: every card record, printed or not, with the institution's name.
        lines.AddRange(await QueryAsync(
            "SELECT r.tx_time, r.original_card_number, r.institution_id, i.name, r.reader_id, r.counter, r.total, r.fund, r.personal, r.cash, "
            + "r.statement_id FROM card_records r LEFT JOIN institutions i ON i.institution_id = r.institution_id WHERE r.card_number IN " + cardsOfPerson
            + " OR r.original_card_number IN " + cardsOfPerson,
            r => new HistoryLine(DbTime.FromDb(L(r, 0)), HistoryKind.Spend, r.GetString(1), r.GetString(2), NS(r, 3), (uint)L(r, 4), (uint)L(r, 5),
                L(r, 6), L(r, 7), L(r, 8), L(r, 9), -L(r, 8), Reference(L(r, 4), L(r, 5)), NL(r, 10)),
            ("@id", residentId)).ConfigureAwait(false));

        // Refunds: the settlement's reversal entry, at the time it was booked.
        lines.AddRange(await QueryAsync(
            "SELECT e.created_at, s.card_number, s.institution_id, i.name, s.reader_id, s.counter, s.total, s.fund, s.own_account, s.cash "
            + "FROM settlements s JOIN entries e ON e.entry_id = s.reversal_entry_id LEFT JOIN institutions i ON i.institution_id = s.institution_id "
            + "WHERE s.card_number IN " + cardsOfPerson,
            r => new HistoryLine(DbTime.FromDb(L(r, 0)), HistoryKind.Refund, r.GetString(1), r.GetString(2), NS(r, 3), (uint)L(r, 4), (uint)L(r, 5),
                L(r, 6), L(r, 7), L(r, 8), L(r, 9), L(r, 8), Reference(L(r, 4), L(r, 5)), null),
            ("@id", residentId)).ConfigureAwait(false));

        // Loss-period reimbursements: the fund's share of a bill paid in cash.
        lines.AddRange(await QueryAsync(
            "SELECT c.claim_time, c.card_number, c.institution_id, i.name, c.total, c.fund, c.claim_reference FROM claims c "
            + "LEFT JOIN institutions i ON i.institution_id = c.institution_id WHERE c.resident_id = @id",
            r => new HistoryLine(DbTime.FromDb(L(r, 0)), HistoryKind.Reimbursement, r.GetString(1), r.GetString(2), NS(r, 3), null, null,
                L(r, 4), L(r, 5), 0, L(r, 4) - L(r, 5), 0, r.GetString(6), null),
            ("@id", residentId)).ConfigureAwait(false));

        return [.. lines.OrderBy(l => l.Time).ThenBy(l => l.Kind).ThenBy(l => l.ReaderId).ThenBy(l => l.Counter)];
    }

    private static string Reference(long reader, long counter) =>
        reader.ToString(CultureInfo.InvariantCulture) + "/" + counter.ToString(CultureInfo.InvariantCulture);
}
