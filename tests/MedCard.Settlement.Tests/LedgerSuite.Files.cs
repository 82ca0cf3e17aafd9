using System;
using System.IO;
using System.Threading.Tasks;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Asking whether a ledger exists creates nothing; a statement is marked printed only once it was delivered.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Asking_whether_a_ledger_exists_creates_none()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        var sql = Assert.IsAssignableFrom<SqlLedgerStore>(store);
        Assert.False(await sql.ExistsAsync(Ct));
        Assert.False(await sql.ExistsAsync(Ct)); // still nothing: the first question left no schema (and no file) behind
        if (store is SqliteLedgerStore sqlite)
        {
            Assert.False(File.Exists(sqlite.Path));
        }

        await store.MigrateAsync(Ct);
        Assert.True(await sql.ExistsAsync(Ct));
    }

    [StoreFact]
    public async Task A_statement_that_could_not_be_delivered_leaves_its_records_unprinted()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(500_00);
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await l.SettleAsync(h, 10_00)).Settled);
        }

        await Assert.ThrowsAsync<IOException>(() => l.Desk.PrintStatementAsync(h.CardNumber,
            (_, _) => throw new IOException("disk full"), Ct));
        Assert.Equal(3, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);

        Statement? delivered = null;
        Statement? printed = await l.Desk.PrintStatementAsync(h.CardNumber, (s, _) =>
        {
            delivered = s;
            return Task.CompletedTask;
        }, Ct);
        Assert.Equal(3, printed!.Records.Count);
        Assert.Same(printed, delivered);
        Assert.Equal(0, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);
        await l.AssertAuditOkAsync();
    }
}
