using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Tests;
using Xunit;

namespace MedCard.Checkout.Tests;

/// <summary>
/// Eight checkouts at once on one card (eight simulated readers, each with its own terminal and connections): the card's
/// balance never goes below zero (what the account cannot pay is cash), no (reader, counter) is settled twice, and a right
/// PIN is never answered "blocked" (the PIN try is spent and given back under the card's row lock).
/// </summary>
public sealed class ConcurrentCheckoutTests
{
    private const int Readers = 8;

    [Fact]
    public async Task Sqlite_eight_settles_on_one_card_never_overdraw_never_double_settle_never_block_falsely()
    {
        string folder = Path.Combine(Path.GetTempPath(), "medcard-concurrent-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using CheckoutScene scene = await CheckoutScene.CreateAsync(Path.Combine(folder, "ledger.db"), 25_00, Readers, CancellationToken.None);
            await RunAsync(scene);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Postgres_eight_settles_on_one_card_never_overdraw_never_double_settle_never_block_falsely()
    {
        await using PrivatePostgres server = await PrivatePostgres.StartAsync();
        await using CheckoutScene scene = await CheckoutScene.CreateAsync(server.ConnectionString, 25_00, Readers, CancellationToken.None);
        await RunAsync(scene);
    }

    private static async Task RunAsync(CheckoutScene scene)
    {
        // Three rounds of eight at once: 24 bills of 10.00 against a balance of 25.00.
        var results = new List<CheckoutResult>();
        for (int round = 0; round < 3; round++)
        {
            results.AddRange(await Task.WhenAll(Enumerable.Range(1, Readers).Select(reader => Task.Run(() => scene.SettleAsync((uint)reader, 10_00, CancellationToken.None)))));
        }

        Assert.All(results, r => Assert.True(r.IsSettled, r.ToString())); // a right PIN is never "pin.blocked"
        Assert.DoesNotContain(results, r => r.Reason == "pin.blocked");
        long balance = await scene.ScalarAsync("SELECT balance FROM persons WHERE resident_id = '" + CheckoutScene.ResidentId + "'");
        Assert.Equal(0, balance); // 25.00 spent to the last fen, never below
        long ownTaken = await scene.ScalarAsync("SELECT COALESCE(SUM(own_account), 0) FROM settlements WHERE outcome = 0");
        long cash = await scene.ScalarAsync("SELECT COALESCE(SUM(cash), 0) FROM settlements WHERE outcome = 0");
        Assert.Equal(scene.OpeningBalance, ownTaken);
        Assert.Equal(results.Count * 10_00 - scene.OpeningBalance, cash);
        Assert.Equal(results.Count, await scene.ScalarAsync("SELECT COUNT(*) FROM settlements WHERE outcome = 0"));
        Assert.Equal(results.Count, results.Select(r => (r.ReaderId, r.Counter)).Distinct().Count());
        Assert.Equal(3, await scene.ScalarAsync("SELECT pin_tries_left FROM cards WHERE card_number = '" + CheckoutScene.CardNumber + "'"));
        Assert.Equal(0, await scene.ScalarAsync("SELECT COALESCE(SUM(amount), 0) FROM postings"));
    }
}
