using System;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The readers table as the one durable reader store (schema version 2): migration from version 1, the chain
/// moving in the filing transaction, voids.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_version_1_ledger_migrates_to_the_reader_store_and_keeps_its_counters()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        await store.InTransactionAsync(async (s, _) =>
        {
            await s.ExecuteAsync(LedgerSchema.CreateMeta);
            foreach (string statement in LedgerSchema.Step(1))
            {
                await s.ExecuteAsync(((SqlLedgerStore)store).Dialect.Ddl(statement));
            }

            await s.ExecuteAsync("INSERT INTO meta (key, value) VALUES ('schema_version', 1)");
            await s.ExecuteAsync("INSERT INTO readers (reader_id, last_counter) VALUES (5, 41)");
            return 0;
        }, TestLedger.Ct);

        await store.MigrateAsync(TestLedger.Ct);
        Assert.Equal(LedgerSchema.CurrentVersion, await store.GetSchemaVersionAsync(TestLedger.Ct));
        var readers = new ReaderDesk(store);
        LedgerReader before = (await readers.GetAsync(5, TestLedger.Ct))!;
        Assert.Equal(41, before.LastCounter);
        Assert.Null(before.LastMac);
        Assert.False(before.HasKey);

        // Re-provisioning keeps the counter (the reader's floor), stores the key's fingerprint, restarts the chain.
        byte[] key = new byte[32];
        key[0] = 1;
        Assert.Equal(41u, await readers.RegisterAsync(5, key, TestLedger.Ct));
        LedgerReader after = (await readers.GetAsync(5, TestLedger.Ct))!;
        Assert.Equal(ReaderDesk.Fingerprint(key), after.KeyFingerprint);
        Assert.Equal(key, await readers.GetKeyAsync(5, TestLedger.Ct));
    }

    [StoreFact]
    public async Task A_void_files_the_record_and_moves_the_chain_in_one_transaction_once()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        var readers = new ReaderDesk(l.Store);
        byte[] mac = new byte[16];
        mac[3] = 7;
        VerifiedTransaction tx = l.Record(h.CardNumber, h.Uid, 10_00) with { Mac = mac, HostNonce = new byte[8] };
        SettlementRecord voided = (await readers.VoidAsync(tx, "signed but never settled", TestLedger.Ct))!;
        Assert.Equal(ReasonCode.RecordVoided, voided.Outcome);
        Assert.Equal("signed but never settled", voided.Message);
        LedgerReader reader = (await readers.GetAsync(tx.ReaderId, TestLedger.Ct))!;
        Assert.Equal(tx.Counter, reader.LastCounter);
        Assert.Equal(mac, reader.LastMac);

        // Voiding again changes nothing; settling that counter is refused, no money moves.
        Assert.Equal(ReasonCode.RecordVoided, (await readers.VoidAsync(tx, "again", TestLedger.Ct))!.Outcome);
        SettlementOutcome late = await SettleRecordAsync(l, tx, TestLedger.Covered(10_00));
        Assert.False(late.Settled);
        Assert.Equal(100_00, await l.BalanceAsync(h.ResidentId));
        await l.AssertAuditOkAsync();
    }
}
