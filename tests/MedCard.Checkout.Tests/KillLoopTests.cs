using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Tests;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.Checkout.Tests;

/// <summary>
/// The kill loop on each store: 200 kills per store by default (under 75 s per store on 2 cores);
/// MEDCARD_KILL_LOOP_KILLS sets another count
/// (tests/MedCard.Checkout.Tests/README.md).
/// </summary>
public sealed class KillLoopTests(ITestOutputHelper output)
{
    private const int DefaultKills = 200;

    [Fact]
    public async Task Sqlite_kill_9_at_random_moments_loses_no_signed_record_and_never_sticks_the_reader()
    {
        string folder = Path.Combine(Path.GetTempPath(), "medcard-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using CheckoutScene scene = await CheckoutScene.CreateAsync(Path.Combine(folder, "ledger.db"), 100_000_000, 1, CancellationToken.None);
            await RunAsync(scene, seed: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Postgres_kill_9_at_random_moments_loses_no_signed_record_and_never_sticks_the_reader()
    {
        await using PrivatePostgres server = await PrivatePostgres.StartAsync();
        await using CheckoutScene scene = await CheckoutScene.CreateAsync(server.ConnectionString, 100_000_000, 1, CancellationToken.None);
        await RunAsync(scene, seed: 2);
    }

    private async Task RunAsync(CheckoutScene scene, int seed)
    {
        int kills = KillLoop.Kills(DefaultKills);
        KillLoopFigures figures = await new KillLoop(scene, output.WriteLine).RunAsync(kills, seed, CancellationToken.None);
        Assert.Equal(kills, figures.Kills);
        Assert.Equal(0, figures.Lost);
        Assert.Equal(0, figures.Stuck);
        Assert.Equal(figures.Signed, figures.Settled + figures.Voided + figures.RefusedOther);
    }
}
