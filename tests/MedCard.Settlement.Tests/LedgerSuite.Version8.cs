using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Schema version 8 on a ledger written under version 7: postings numbered by line and keyed by (entry, line);
/// on SQLite settlements and postings rebuilt in their key's order and the AUTOINCREMENT tables rebuilt without it.
/// Every row survives with its id, and the ids go on from the highest.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_version_7_ledger_keeps_its_journal_settlements_and_records_under_version_8()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        using var pin = new PinDigits(TestLedger.DefaultPin);
        string residentId = TestLedger.ResidentIdFor(1);
        await OldLedger.CreateAsync(store, 7, residentId, new PinHasher(TestLedger.TestPinIterations).Hash(pin), 100_000);
        await store.InTransactionAsync(async (s, _) =>
        {
            await s.ExecuteAsync("INSERT INTO entries (kind, reference, created_at) VALUES (@k, '9/1', 0)", ("@k", (long)EntryKind.Settlement));
            await s.ExecuteAsync("INSERT INTO entries (kind, reference, created_at) VALUES (@k, 'c-1', 0)", ("@k", (long)EntryKind.Contribution));
            // Stored out of account order, so the line numbers must follow how they were stored.
            await s.ExecuteAsync("INSERT INTO postings (entry_id, account, amount) VALUES (1, 'z', 1000), (1, 'a', -700), (1, 'm', -300)");
            await s.ExecuteAsync("INSERT INTO postings (entry_id, account, amount) VALUES (2, 'b', 5), (2, 'a', -5)");
            await s.ExecuteAsync("INSERT INTO settlements (reader_id, counter, content_hash, outcome, message, pin_tries_left, card_number, "
                + "resident_id, institution_id, visit_type, year, tx_time, total, fund, deductible_applied, own_account, relative_account, "
                + "relative_id, cash, explanation, entry_id, reversal_entry_id) VALUES (9, 1, @h, 0, 'ok', NULL, @n, @rid, 'H1', 1, 2026, 0, "
                + "1000, 700, 0, 300, 0, NULL, 0, 'from version 7', 1, NULL)", ("@h", new byte[] { 1, 2, 3 }), ("@n", OldLedger.CardNumber),
                ("@rid", residentId));
            foreach ((long counter, object? statement) in new (long, object?)[] { (1, 1L), (2, null) })
            {
                await s.ExecuteAsync("INSERT INTO card_records (card_number, original_card_number, reader_id, counter, tx_time, institution_id, "
                    + "visit_type, total, fund, personal, cash, statement_id, refunded) VALUES (@n, @n, 9, @c, @c, 'H1', 1, 1000, 700, 300, 0, @s, 0)",
                    ("@n", OldLedger.CardNumber), ("@c", counter), ("@s", statement));
            }

            await s.ExecuteAsync("INSERT INTO statements (card_number, printed_at, record_count) VALUES (@n, 0, 1)", ("@n", OldLedger.CardNumber));
            return 0;
        }, TestLedger.Ct);

        await using TestLedger l = await TestLedger.CreateAsync(store); // migrates to the current version
        Assert.Equal(LedgerSchema.CurrentVersion, await store.GetSchemaVersionAsync(TestLedger.Ct));
        Assert.Equal(["1:0:z:1000", "1:1:a:-700", "1:2:m:-300", "2:0:b:5", "2:1:a:-5"], await PostingLinesAsync(store));
        SettlementRecord old = (await store.InTransactionAsync((s, _) => s.GetSettlementAsync(9, 1), TestLedger.Ct))!;
        Assert.Equal(("from version 7", 1000L, (long?)1), (old.Explanation, old.Total, old.EntryId));
        Assert.Equal([1L], (await store.InTransactionAsync((s, _) => s.GetRecordsOfStatementAsync(1), TestLedger.Ct)).Select(r => r.RecordId));
        Assert.Equal([2L], (await store.InTransactionAsync((s, _) => s.GetUnprintedRecordsAsync(OldLedger.CardNumber), TestLedger.Ct))
            .Select(r => r.RecordId));

        // The ids go on from the highest: entry 3, record 3, statement 2; the new postings are lines 0, 1, ...
        SettlementOutcome settled = await l.SettleAsync(OldLedger.CardNumber, OldLedger.Uid, TestLedger.Covered(50_00));
        Assert.True(settled.Settled, settled.ToString());
        Assert.Equal(3, settled.Record!.EntryId);
        List<string> lines = await PostingLinesAsync(store);
        List<string> newLines = lines.Where(p => p.StartsWith("3:", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, newLines.Count).Select(i => "3:" + i), newLines.Select(p => string.Join(':', p.Split(':')[..2])));
        Assert.Equal([2L, 3L], (await store.InTransactionAsync((s, _) => s.GetUnprintedRecordsAsync(OldLedger.CardNumber), TestLedger.Ct))
            .Select(r => r.RecordId));
        Assert.Equal(2, (await l.Desk.PrintStatementAsync(OldLedger.CardNumber, TestLedger.Ct))!.StatementId);
        Assert.Equal([2L, 3L], (await store.InTransactionAsync((s, _) => s.GetRecordsOfStatementAsync(2), TestLedger.Ct)).Select(r => r.RecordId));

        // (entry, line) is the postings' key on both stores.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.InTransactionAsync(
            (s, _) => s.ExecuteAsync("INSERT INTO postings (entry_id, line, account, amount) VALUES (2, 1, 'dup', 0)"), TestLedger.Ct));
        if (store.Kind == "sqlite")
        {
            List<string> tables = await store.InTransactionAsync((s, _) => s.QueryAsync(
                "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'table' AND name IN ('settlements', 'postings', 'entries', "
                + "'card_records', 'statements') ORDER BY name", r => r.GetString(0)), TestLedger.Ct);
            Assert.Equal(5, tables.Count);
            Assert.All(tables, t => Assert.DoesNotContain("AUTOINCREMENT", t, System.StringComparison.OrdinalIgnoreCase));
            Assert.Equal(2, tables.Count(t => t.EndsWith("WITHOUT ROWID", System.StringComparison.Ordinal)));
            Assert.Equal(0, await store.InTransactionAsync((s, _) => s.ScalarAsync("SELECT COUNT(*) FROM sqlite_sequence"), TestLedger.Ct));
            Assert.Equal(0, await store.InTransactionAsync((s, _) => s.ScalarAsync("PRAGMA foreign_key_check"), TestLedger.Ct) ?? 0);
        }
    }

    private static Task<List<string>> PostingLinesAsync(ILedgerStore store) =>
        store.InTransactionAsync((s, _) => s.QueryAsync("SELECT entry_id, line, account, amount FROM postings ORDER BY entry_id, line",
            r => r.GetValue(0) + ":" + r.GetValue(1) + ":" + r.GetString(2) + ":" + r.GetValue(3)), TestLedger.Ct);
}
