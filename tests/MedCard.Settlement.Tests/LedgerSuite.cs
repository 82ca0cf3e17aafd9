using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>
/// The store-independent suite: every test here runs once on SQLite and once on PostgreSQL (see the two
/// subclasses). Each test gets a fresh, migrated and seeded ledger.
/// </summary>
public abstract partial class LedgerSuite
{
    protected abstract Task<ILedgerStore> OpenStoreAsync();

    protected async Task<TestLedger> NewLedgerAsync() => await TestLedger.CreateAsync(await OpenStoreAsync());

    private static readonly System.Threading.CancellationToken Ct = TestLedger.Ct;

    [StoreFact]
    public async Task Migration_is_versioned_and_idempotent()
    {
        await using TestLedger l = await NewLedgerAsync();
        Assert.Equal(LedgerSchema.CurrentVersion, await l.Store.GetSchemaVersionAsync(Ct));
        await l.Store.MigrateAsync(Ct);
        Assert.Equal(LedgerSchema.CurrentVersion, await l.Store.GetSchemaVersionAsync(Ct));
    }

    [StoreFact]
    public async Task Many_hosts_can_migrate_the_same_fresh_database_at_once()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.MigrateAsync(Ct))));
        Assert.Equal(LedgerSchema.CurrentVersion, await store.GetSchemaVersionAsync(Ct));
        await using TestLedger l = await TestLedger.CreateAsync(store);
        await l.AssertAuditOkAsync();
    }

    protected static async Task<SettlementOutcome> SettleRecordAsync(TestLedger l, VerifiedTransaction tx, BillItem[] bill, byte[]? pin = null)
    {
        using var digits = new PinDigits(pin ?? TestLedger.DefaultPin);
        return await l.Settlement.SettleAsync(new SettlementRequest(tx, bill, TestLedger.Hospital, VisitType.Outpatient, digits), Ct);
    }
}

internal static class OutcomeExtensions
{
    public static long Total(this SettlementOutcome o) => o.Record!.Total;
}
