using System;
using System.Threading.Tasks;
using MedCard.Simulator;
using MedCard.Simulator.Cards;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// `medcard reader ... --port` against the desktop simulator (the firmware core) on a real pseudo-terminal: the status the
/// reader reports, the hotlist it takes, a reboot it really performs (its boot count goes up, its counter stays), and a wipe
/// that leaves it unprovisioned.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ConnectedReaderAdminTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private ReaderSimulator? _sim;

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        _sim = await ReaderSimulator.StartAsync(new SimulatorOptions { Cards = CardDeck.FromFile(CardDeck.DemoFile() with { Reader = null }) });
        await _cli.SeedAsync();
        await _cli.OkAsync("provision", "--reader", "7001", "--port", _sim.DevicePath);
        await _sim.WaitForAsync(s => s.ReaderId == 7001, TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        if (_sim is not null)
        {
            await _sim.DisposeAsync();
        }

        await _cli.DisposeAsync();
    }

    [Fact]
    public async Task Status_hotlist_reboot_and_wipe_over_the_link()
    {
        CliRun status = await _cli.OkAsync("--json", "reader", "status", "--port", _sim!.DevicePath);
        Assert.Equal(7001u, status.Json.GetProperty("reader").GetUInt32());
        Assert.True(status.Json.GetProperty("ledger").GetProperty("knowsReader").GetBoolean());
        Assert.False(string.IsNullOrEmpty(status.Json.GetProperty("firmware").GetString()));

        await _cli.OkAsync("card", "report-loss", "--card", CliHarness.HolderCard, "--name", "Zhang Wei", "--id", CliHarness.HolderId, "--employer", CliHarness.HolderEmployer);
        CliRun push = await _cli.OkAsync("--json", "reader", "hotlist", "push", "--port", _sim.DevicePath);
        Assert.Equal("Activated", push.Json.GetProperty("status").GetString());
        Assert.Equal(push.Json.GetProperty("version").GetUInt32(),
            (await _cli.OkAsync("--json", "reader", "status", "--port", _sim.DevicePath)).Json.GetProperty("hotlist").GetProperty("version").GetUInt32());

        int boots = _sim.Snapshot.Boots;
        await _cli.OkAsync("reader", "reset", "--port", _sim.DevicePath);
        await _sim.WaitForAsync(s => s.Boots > boots, TimeSpan.FromSeconds(10));
        Assert.Equal(7001u, _sim.Snapshot.ReaderId);

        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("reader", "wipe", "--port", _sim.DevicePath)).ExitCode);
        Assert.Equal(7001u, _sim.Snapshot.ReaderId);
        CliRun wipe = await _cli.OkAsync("--json", "reader", "wipe", "--port", _sim.DevicePath, "--yes");
        Assert.Equal(7001u, wipe.Json.GetProperty("reader").GetUInt32());
        await _sim.WaitForAsync(s => s.ReaderId == 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_phone_loss_report_pushes_the_hotlist_to_the_connected_reader_at_once()
    {
        CliRun lost = await _cli.OkAsync("--json", "card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na", "--id", CliHarness.SpouseId,
            "--employer", CliHarness.SpouseEmployer, "--push-to", _sim!.DevicePath);
        Assert.Equal("reported-lost", lost.Json.GetProperty("card").GetProperty("status").GetString());
        var pushed = lost.Json.GetProperty("hotlistPushedTo")[0];
        Assert.Equal(7001u, pushed.GetProperty("reader").GetUInt32());
        Assert.True(pushed.GetProperty("inForce").GetBoolean());
        Assert.Equal("Activated", pushed.GetProperty("status").GetString());
        // The reader itself now enforces the ledger's version: nothing left to push.
        CliRun status = await _cli.OkAsync("--json", "reader", "status", "--port", _sim.DevicePath);
        Assert.Equal(pushed.GetProperty("version").GetUInt32(), status.Json.GetProperty("hotlist").GetProperty("version").GetUInt32());
        Assert.False(status.Json.GetProperty("hotlistBehind").GetBoolean());
    }
}
