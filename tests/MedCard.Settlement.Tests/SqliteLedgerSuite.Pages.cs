using System.IO;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>
/// What a SQLite settlement's commit writes: every page it changes is one WAL frame, written and synced before the commit
/// returns, so the frame count is what the commit costs beyond a plain insert's two (the Settlement README's performance
/// section). Counted on the real file: the WAL is emptied first (a TRUNCATE checkpoint), then a PASSIVE checkpoint after
/// the settlement reports how many frames the WAL holds.
/// </summary>
public sealed partial class SqliteLedgerSuite
{
    [Fact]
    public async Task A_settlement_commit_writes_ten_pages()
    {
        string path = Path.Combine(_dir, "pages.db");
        await using var store = new SqliteLedgerStore(path);
        await using TestLedger l = await TestLedger.CreateAsync(store);
        TestLedger.Holder h = await l.EnrolAsync(100_00);

        // The holder's first settlement of the year creates the accumulator row; the second updates it, like most do.
        Assert.True((await l.SettleAsync(h, 20_00)).Settled);
        await WalFramesAsync(path, "TRUNCATE");
        SettlementOutcome outcome = await l.SettleAsync(h, 30_00);
        Assert.True(outcome.Settled);
        Assert.True(outcome.OwnAccount > 0); // the person's balance page is among them

        // reader, card, person, accumulator, entry and its (kind, reference) key, postings, settlement, card record and its
        // card index: ten b-tree pages, one frame each (version 7 wrote thirteen).
        Assert.Equal(10, await WalFramesAsync(path, "PASSIVE"));
        await l.AssertAuditOkAsync();
    }

    /// <summary>Runs a checkpoint of <paramref name="mode"/> on a connection of its own; returns the frames the WAL held.</summary>
    private static async Task<long> WalFramesAsync(string path, string mode)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(TestLedger.Ct);
        await using SqliteCommand checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(" + mode + ")";
        await using SqliteDataReader result = await checkpoint.ExecuteReaderAsync(TestLedger.Ct);
        Assert.True(await result.ReadAsync(TestLedger.Ct));
        Assert.Equal(0L, result.GetInt64(0)); // not blocked by a reader or writer
        return result.GetInt64(1);
    }
}
