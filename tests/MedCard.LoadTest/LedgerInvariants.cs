using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Npgsql;

namespace MedCard.LoadTest;

/// <summary>
/// What must hold after a load run, read from the stored rows with plain SQL (the audit aside) so the checks do not trust
/// the code under test: the ledger audit passes; no balance is negative; no (reader, counter) has two card records and
/// the settled count is what the hosts were told; every counter a reader signed is filed (settled, refused or voided, with
/// its reason) and nothing is filed that no reader signed; no reader's journal holds a record past the ledger's counter.
/// </summary>
internal static class LedgerInvariants
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

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        object? value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
