using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Client;
using MedCard.Host.Pin;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard reader status|hotlist push|journal sync|reset|wipe` on the simulated reader beside the ledger.</summary>
public sealed class ReaderAdminCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    private static readonly string[] Bill = ["settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "10"];

    [Fact]
    public async Task Status_shows_the_readers_counter_beside_the_ledgers()
    {
        await _cli.OkAsync(Bill);

        CliRun run = await _cli.OkAsync("--json", "reader", "status", "--simulated");

        Assert.Equal(1u, run.Json.GetProperty("reader").GetUInt32());
        Assert.Equal(1u, run.Json.GetProperty("counter").GetUInt32());
        Assert.Equal(1u, run.Json.GetProperty("ledger").GetProperty("counter").GetUInt32());
        Assert.True(run.Json.GetProperty("ledger").GetProperty("knowsReader").GetBoolean());
        Assert.Equal(0u, run.Json.GetProperty("unfiledRecords").GetUInt32());
        CliRun text = await _cli.OkAsync("reader", "status", "--simulated");
        Assert.Contains("counter 1; ledger filed up to 1", text.Out);
    }

    [Fact]
    public async Task A_lost_card_pushed_in_the_hotlist_is_refused_at_the_reader()
    {
        await _cli.OkAsync("card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na", "--id", CliHarness.SpouseId, "--employer", CliHarness.SpouseEmployer);
        CliRun before = await _cli.OkAsync("--json", "reader", "status", "--simulated");
        Assert.True(before.Json.GetProperty("hotlistBehind").GetBoolean());

        CliRun push = await _cli.OkAsync("--json", "reader", "hotlist", "push", "--simulated");

        Assert.Equal("Activated", push.Json.GetProperty("status").GetString());
        Assert.Equal(1, push.Json.GetProperty("cards").GetInt32());
        CliRun after = await _cli.OkAsync("--json", "reader", "status", "--simulated");
        Assert.False(after.Json.GetProperty("hotlistBehind").GetBoolean());
        Assert.Equal(push.Json.GetProperty("version").GetUInt32(), after.Json.GetProperty("hotlist").GetProperty("version").GetUInt32());
        CliRun again = await _cli.OkAsync("--json", "reader", "hotlist", "push", "--simulated");
        Assert.Equal("Stale", again.Json.GetProperty("status").GetString());
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync(Bill)).ExitCode);
        Assert.Equal(0u, (await _cli.OkAsync("--json", "reader", "status", "--simulated")).Json.GetProperty("counter").GetUInt32()); // nothing signed
    }

    [Fact]
    public async Task Journal_sync_files_a_record_signed_but_never_settled_once()
    {
        uint orphan = await SignWithoutFilingAsync(5_00);
        long balance = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        Assert.Equal(1u, (await _cli.OkAsync("--json", "reader", "status", "--simulated")).Json.GetProperty("unfiledRecords").GetUInt32());

        CliRun sync = await _cli.OkAsync("--json", "reader", "journal", "sync", "--simulated");

        var voided = sync.Json.GetProperty("voided");
        Assert.Equal(1, voided.GetArrayLength());
        Assert.Equal(orphan, voided[0].GetProperty("counter").GetUInt32());
        Assert.Equal(500, voided[0].GetProperty("amountFen").GetInt64());
        Assert.Equal(orphan, sync.Json.GetProperty("acknowledgedUpTo").GetUInt32());
        Assert.Equal(balance, await _cli.BalanceFenAsync(CliHarness.SpouseId)); // voided: no money moved
        CliRun again = await _cli.OkAsync("--json", "reader", "journal", "sync", "--simulated");
        Assert.Equal(0, again.Json.GetProperty("voided").GetArrayLength());
        Assert.Equal(0u, (await _cli.OkAsync("--json", "reader", "status", "--simulated")).Json.GetProperty("unfiledRecords").GetUInt32());
    }

    [Fact]
    public async Task Wipe_without_yes_is_refused_and_changes_nothing()
    {
        CliRun run = await _cli.RunAsync("reader", "wipe", "--simulated");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--yes", run.Error);
        Assert.Equal(1u, (await _cli.OkAsync("--json", "reader", "status", "--simulated")).Json.GetProperty("reader").GetUInt32());
    }

    [Fact]
    public async Task Wipe_with_yes_files_the_journal_first_and_leaves_the_reader_unprovisioned()
    {
        uint orphan = await SignWithoutFilingAsync(3_00);

        CliRun wipe = await _cli.OkAsync("--json", "reader", "wipe", "--simulated", "--yes");

        Assert.Equal(1u, wipe.Json.GetProperty("reader").GetUInt32());
        Assert.Equal(orphan, wipe.Json.GetProperty("journal").GetProperty("voided")[0].GetProperty("counter").GetUInt32());
        CliRun status = await _cli.OkAsync("--json", "reader", "status", "--simulated");
        Assert.Equal(0u, status.Json.GetProperty("reader").GetUInt32());
        Assert.False(status.Json.GetProperty("ledger").GetProperty("knowsReader").GetBoolean());
        CliRun sync = await _cli.RunAsync("--json", "reader", "journal", "sync", "--simulated");
        Assert.Equal(ExitCodes.Refused, sync.ExitCode);
        Assert.Contains("reader.not_provisioned", sync.Out);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync(Bill)).ExitCode);
    }

    [Fact]
    public async Task Reset_reboots_the_reader_and_keeps_its_state()
    {
        await _cli.OkAsync(Bill);

        CliRun reset = await _cli.OkAsync("--json", "reader", "reset", "--simulated");

        Assert.Equal("reboot", reset.Json.GetProperty("mode").GetString());
        Assert.Equal(1u, (await _cli.OkAsync("--json", "reader", "status", "--simulated")).Json.GetProperty("counter").GetUInt32());
        Assert.Equal(2u, (await _cli.OkAsync(["--json", .. Bill])).Json.GetProperty("counter").GetUInt32());
    }

    [Theory]
    [InlineData("reader", "status")]
    [InlineData("reader", "status", "--simulated", "--port", "/dev/ttyUSB0")]
    [InlineData("reader", "hotlist", "push", "--port", "/dev/ttyUSB0", "--reader", "2")]
    public async Task Which_reader_must_be_said_once(params string[] args)
    {
        CliRun run = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_missing_port_is_an_io_failure_and_an_unprovisioned_simulated_reader_is_refused()
    {
        CliRun missing = await _cli.RunAsync("reader", "status", "--port", "/dev/medcard-no-such-port");
        Assert.Equal(ExitCodes.IoFailure, missing.ExitCode);
        Assert.DoesNotContain("   at ", missing.Error);

        CliRun unprovisioned = await _cli.RunAsync("reader", "status", "--simulated", "--reader", "9");
        Assert.Equal(ExitCodes.Refused, unprovisioned.ExitCode);
        Assert.Contains("medcard provision --reader 9", unprovisioned.Error);
    }

    /// <summary>An integrator's process that had the simulated reader sign a purchase and died before filing it: the record is in
    /// the reader's journal only. Returns its counter.</summary>
    private async Task<uint> SignWithoutFilingAsync(long amountFen)
    {
        byte[] key;
        await using (ILedgerStore store = LedgerStores.Open(_cli.Store))
        {
            key = (await new ReaderDesk(store).GetKeyAsync(1))!;
        }

        var keys = new InMemoryReaderKeyStore();
        keys.Add(1, key);
        await using SimulatedReaderTransport reader = SimulatedReaderTransport.Open(SimulatedReaderFlash.DirectoryFor(_cli.Store, 1));
        reader.PlaceCard(Convert.FromHexString("04D4E5F6"), CliHarness.SpouseCard, CliHarness.SpouseId);
        reader.HolderTypes(CliHarness.SpousePin);
        await using ReaderClient client = await ReaderClient.ConnectAsync(reader, new ReaderClientOptions { Keys = keys, Chain = new InMemoryRecordChainStore() });
        await client.WaitForCardAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PinOutcome.Correct, await client.RequestPinAsync(CliHarness.SpouseCard, new AnyPin()));
        AuthorizationResult signed = await client.AuthorizeAsync(CliHarness.SpouseCard, amountFen, TransactionType.Purchase);
        Assert.True(signed.IsApproved, signed.Status.ToString());
        return signed.Record!.Counter;
    }

    private sealed class AnyPin : IPinVerifier
    {
        public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(PinCheck.Correct);
    }
}
