using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

/// <summary>The ledger's invariants, checked from the stored data alone.</summary>
public sealed record AuditReport(IReadOnlyList<string> Violations, long EntryCount, long PostingTotal)
{
    /// <summary>True when no invariant is violated.</summary>
    public bool Ok => Violations.Count == 0;

    /// <summary>"ledger ok" with the entry count, or one violation per line.</summary>
    public override string ToString() => Ok ? "ledger ok (" + EntryCount + " entries)" : string.Join(Environment.NewLine, Violations);
}

/// <summary>
/// Re-derives everything that is stored twice and compares: every entry sums to zero; each personal
/// balance equals its postings and is not negative; each card's unprinted count equals its unprinted
/// records and is at most 60; each accumulator equals its settlements (not reversed) plus claims, and
/// stays within the policy's deductible and cap; every settled record has an entry.
/// </summary>
public static class LedgerAudit
{
    /// <summary>Checks every ledger invariant in <paramref name="store"/> in one snapshot.</summary>
    public static Task<AuditReport> VerifyAsync(ILedgerStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.InTransactionAsync(async (s, _) =>
        {
            await s.UseSnapshotAsync().ConfigureAwait(false);
            var v = new List<string>();
            long entries = await s.ScalarAsync("SELECT COUNT(*) FROM entries").ConfigureAwait(false) ?? 0;
            long total = await s.ScalarAsync("SELECT COALESCE(SUM(amount), 0) FROM postings").ConfigureAwait(false) ?? 0;
            if (total != 0)
            {
                v.Add("all postings sum to " + total + ", not 0");
            }

            foreach (long e in await s.QueryAsync("SELECT entry_id FROM postings GROUP BY entry_id HAVING SUM(amount) <> 0",
                r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false))
            {
                v.Add("entry " + e + " does not sum to zero");
            }

            var postedByAccount = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach ((string account, long sum) in await s.QueryAsync("SELECT account, SUM(amount) FROM postings GROUP BY account",
                r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false))
            {
                postedByAccount[account] = sum;
            }

            foreach ((string id, long balance) in await s.QueryAsync("SELECT resident_id, balance FROM persons",
                r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false))
            {
                long posted = postedByAccount.GetValueOrDefault(LedgerAccounts.Personal(id));
                if (balance < 0)
                {
                    v.Add("person " + id + " has a negative balance " + balance);
                }

                if (posted != balance)
                {
                    v.Add("person " + id + " balance " + balance + " but postings sum to " + posted);
                }
            }

            foreach ((string card, long count, long records) in await s.QueryAsync(
                "SELECT c.card_number, c.unprinted_count, (SELECT COUNT(*) FROM card_records r WHERE r.card_number = c.card_number "
                + "AND r.statement_id IS NULL) FROM cards c",
                r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false))
            {
                if (count != records || count > CardRules.UnprintedRecordLimit)
                {
                    v.Add("card " + card + " unprinted count " + count + " but " + records + " unprinted records");
                }
            }

            await CheckAccumulatorsAsync(s, v).ConfigureAwait(false);

            long orphan = await s.ScalarAsync("SELECT COUNT(*) FROM settlements WHERE outcome = 0 AND entry_id IS NULL").ConfigureAwait(false) ?? 0;
            if (orphan != 0)
            {
                v.Add(orphan + " settled records without a journal entry");
            }

            return new AuditReport(v, entries, total);
        }, cancellationToken);
    }

    private static async Task CheckAccumulatorsAsync(LedgerSession s, List<string> v)
    {
        var derived = new Dictionary<(string, long, long), (long Deductible, long Fund)>();
        const string Sums =
            "SELECT resident_id, year, visit_type, SUM(deductible_applied), SUM(fund) FROM settlements "
            + "WHERE outcome = 0 AND reversal_entry_id IS NULL GROUP BY resident_id, year, visit_type "
            + "UNION ALL SELECT resident_id, year, visit_type, SUM(deductible_applied), SUM(fund) FROM claims GROUP BY resident_id, year, visit_type";
        foreach (var row in await s.QueryAsync(Sums, r => (Key: (r.GetString(0), L(r, 1), L(r, 2)), D: L(r, 3), F: L(r, 4))).ConfigureAwait(false))
        {
            (long d, long f) = derived.GetValueOrDefault(row.Key);
            derived[row.Key] = (d + row.D, f + row.F);
        }

        var stored = await s.QueryAsync("SELECT resident_id, year, visit_type, deductible_met, fund_paid FROM accumulators",
            r => (Key: (r.GetString(0), L(r, 1), L(r, 2)), D: L(r, 3), F: L(r, 4))).ConfigureAwait(false);
        var seen = new HashSet<(string, long, long)>();
        foreach (var row in stored)
        {
            seen.Add(row.Key);
            (long d, long f) = derived.GetValueOrDefault(row.Key);
            if (d != row.D || f != row.F)
            {
                v.Add("accumulator " + row.Key + " stores " + row.D + "/" + row.F + " but settlements give " + d + "/" + f);
            }

            string insured = await s.GetInsuredRegionAsync(row.Key.Item1).ConfigureAwait(false) ?? Region.HomeCode;
            VisitPolicy? policy = await s.GetRegionPolicyAsync(insured, (VisitType)row.Key.Item3).ConfigureAwait(false);
            if (policy is not null && (row.D > policy.YearlyDeductible || row.F > policy.YearlyFundCap))
            {
                v.Add("accumulator " + row.Key + " exceeds the policy's deductible or cap");
            }
        }

        foreach (var pair in derived)
        {
            if (!seen.Contains(pair.Key) && (pair.Value.Deductible != 0 || pair.Value.Fund != 0))
            {
                v.Add("accumulator " + pair.Key + " missing");
            }
        }
    }

    private static long L(System.Data.Common.DbDataReader r, int i) =>
        Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
