using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Npgsql;

namespace MedCard.LoadTest;

/// <summary>
/// What must hold after a load run, read from the stored rows with plain SQL (the audit aside) so the checks do not trust
/// the code under test: the ledger audit passes; no balance is negative; no (reader, counter) has two card records and
/// the settled count is what the hosts were told; every counter a reader signed is filed (settled, refused or voided, with
/// its reason) and nothing is filed that no reader signed; no reader's journal holds a record past the ledger's counter;
/// every person's balance equals the sum of their account's postings; month-end credits (<see cref="VerifyCreditsAsync"/>).
/// </summary>
public static class LedgerInvariants
{
    public static async Task<List<string>> VerifyAsync(ILedgerStore store, string connectionString, LoadPlan plan, IReadOnlyList<HostReport> hosts,
        CancellationToken ct)
    {
        var violations = new List<string>();
        AuditReport audit = await LedgerAudit.VerifyAsync(store, ct).ConfigureAwait(false);
        violations.AddRange(audit.Violations.Select(v => "audit: " + v));

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct).ConfigureAwait(false);
        long negative = await ScalarAsync(db, "SELECT COUNT(*) FROM persons WHERE balance < 0", ct).ConfigureAwait(false);
        if (negative != 0)
        {
            violations.Add(negative + " negative balance(s)");
        }

        long unequal = await ScalarAsync(db,
            "SELECT COUNT(*) FROM persons p WHERE p.balance <> COALESCE((SELECT SUM(amount) FROM postings WHERE account = '"
            + LedgerAccounts.Personal(string.Empty) + "' || p.resident_id), 0)", ct).ConfigureAwait(false);
        if (unequal != 0)
        {
            violations.Add(unequal + " balance(s) not equal to their account's postings");
        }

        await VerifyCreditsAsync(db, hosts, violations, ct).ConfigureAwait(false);
        long twice = await ScalarAsync(db,
            "SELECT COUNT(*) FROM (SELECT reader_id, counter FROM card_records GROUP BY reader_id, counter HAVING COUNT(*) > 1) d", ct).ConfigureAwait(false);
        if (twice != 0)
        {
            violations.Add(twice + " (reader, counter) settled twice");
        }

        long settled = await ScalarAsync(db, "SELECT COUNT(*) FROM settlements WHERE outcome = 0", ct).ConfigureAwait(false);
        long told = hosts.Sum(h => h.Settled);
        if (settled != told)
        {
            violations.Add("the ledger holds " + settled + " settlements, the hosts were told " + told);
        }

        var filed = new Dictionary<uint, Dictionary<uint, string>>();
        await using (var command = new NpgsqlCommand("SELECT reader_id, counter, message FROM settlements", db))
        await using (NpgsqlDataReader r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                uint reader = (uint)r.GetInt64(0);
                if (!filed.TryGetValue(reader, out Dictionary<uint, string>? counters))
                {
                    filed[reader] = counters = new Dictionary<uint, string>();
                }

                counters[(uint)r.GetInt64(1)] = r.GetString(2);
            }
        }

        foreach (HostReport host in hosts)
        {
            foreach ((uint reader, List<uint> signed) in host.Signed)
            {
                Dictionary<uint, string> ofReader = filed.GetValueOrDefault(reader) ?? new Dictionary<uint, string>();
                int unaccounted = signed.Count(c => !ofReader.TryGetValue(c, out string? message) || message.Length == 0);
                if (unaccounted != 0)
                {
                    violations.Add("reader " + reader + ": " + unaccounted + " signed counter(s) neither settled, refused nor voided");
                }

                var seen = new HashSet<uint>(signed);
                int unknown = ofReader.Keys.Count(c => !seen.Contains(c));
                if (unknown != 0)
                {
                    violations.Add("reader " + reader + ": " + unknown + " filed counter(s) no checkout or recovery reported signed");
                }
            }
        }

        for (int host = 0; host < plan.Hosts; host++)
        {
            for (int i = 0; i < plan.ReadersPerHost; i++)
            {
                uint reader = LoadPlan.ReaderId(host, i);
                long last = await ScalarAsync(db, "SELECT last_counter FROM readers WHERE reader_id = " + reader, ct).ConfigureAwait(false);
                (uint _, IReadOnlyList<SignedRecord> journal) = SimulatedReaderFlash.Inspect(plan.ReaderFolder(reader));
                int unfiled = journal.Count(j => j.Counter > last);
                if (unfiled != 0)
                {
                    violations.Add("reader " + reader + ": " + unfiled + " journal record(s) past the ledger's counter " + last);
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Month-end credits: no person credited twice for a month (credit rows, and credit entries by their reference
    /// month/person, one per credit row); each credit's entry has exactly two postings that sum to zero, one of them the
    /// amount to the person's account; each amount is the plan's for the person and month (runs on different hosts agreed);
    /// the credits and their total are what the hosts' runs reported crediting.
    /// </summary>
    private static async Task VerifyCreditsAsync(NpgsqlConnection db, IReadOnlyList<HostReport> hosts, List<string> violations, CancellationToken ct)
    {
        long kind = (long)EntryKind.AccountCredit;
        long twice = await ScalarAsync(db,
            "SELECT COUNT(*) FROM (SELECT resident_id, month FROM account_credits GROUP BY resident_id, month HAVING COUNT(*) > 1) d", ct).ConfigureAwait(false)
            + await ScalarAsync(db,
                "SELECT COUNT(*) FROM (SELECT reference FROM entries WHERE kind = " + kind + " GROUP BY reference HAVING COUNT(*) > 1) d", ct).ConfigureAwait(false);
        if (twice != 0)
        {
            violations.Add(twice + " (person, month) credited more than once");
        }

        long rows = await ScalarAsync(db, "SELECT COUNT(*) FROM account_credits", ct).ConfigureAwait(false);
        long entries = await ScalarAsync(db, "SELECT COUNT(*) FROM entries WHERE kind = " + kind, ct).ConfigureAwait(false);
        if (entries != rows)
        {
            violations.Add(rows + " credit(s) but " + entries + " credit entries");
        }

        long unbalanced = await ScalarAsync(db,
            "SELECT COUNT(*) FROM account_credits c WHERE (SELECT COUNT(*) FROM postings p WHERE p.entry_id = c.entry_id) <> 2 "
            + "OR (SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.entry_id = c.entry_id) <> 0 "
            + "OR NOT EXISTS (SELECT 1 FROM postings p WHERE p.entry_id = c.entry_id AND p.account = '" + LedgerAccounts.Personal(string.Empty)
            + "' || c.resident_id AND p.amount = c.amount)", ct).ConfigureAwait(false);
        if (unbalanced != 0)
        {
            violations.Add(unbalanced + " credit(s) whose entry is not two postings summing to zero with the amount to the person's account");
        }

        long total = 0;
        await using (var command = new NpgsqlCommand("SELECT resident_id, month, amount FROM account_credits", db))
        await using (NpgsqlDataReader r = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                long key = r.GetInt64(1);
                var month = new CreditMonth((int)(key / 100), (int)(key % 100));
                long amount = r.GetInt64(2);
                total += amount;
                if (amount != LoadPlan.CreditAmount(r.GetString(0), month))
                {
                    violations.Add("credit of " + r.GetString(0) + " for " + month + " is " + amount + " fen, not the plan's");
                }
            }
        }

        long reported = hosts.Sum(h => h.Credited);
        long reportedFen = hosts.Sum(h => h.CreditedFen);
        if (rows != reported || total != reportedFen)
        {
            violations.Add("the ledger holds " + rows + " credits (" + total + " fen), the credit runs reported " + reported + " (" + reportedFen + " fen)");
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        object? value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
