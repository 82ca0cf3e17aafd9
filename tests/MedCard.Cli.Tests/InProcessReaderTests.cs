using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using MedCard.Firmware.Storage;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`settle` without `--port` runs the firmware's own reader core, whose flash lives beside the ledger.</summary>
public sealed class InProcessReaderTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    private string Flash => Path.Combine(_cli.Store + ".readers", "reader-1", "flash");

    private Task<CliRun> SettleAsync() =>
        _cli.RunAsync(["--json", "settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "5"]);

    [Fact]
    public async Task The_counter_is_the_firmware_counter_in_the_reader_flash_and_survives_between_runs()
    {
        CliRun first = await SettleAsync();
        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        // The firmware keeps its counter in a dual-slot file ("ctr.0", "ctr.1").
        Assert.NotEmpty(Directory.GetFiles(Flash, TransactionCounter.FileName + ".*"));

        CliRun second = await SettleAsync();
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.Equal(first.Json.GetProperty("counter").GetUInt32() + 1, second.Json.GetProperty("counter").GetUInt32());
        Assert.Equal("Accepted", second.Json.GetProperty("recordVerdict").GetString());
    }

    [Fact]
    public async Task Without_its_flash_the_reader_is_not_provisioned_and_reprovisioning_never_reuses_a_counter()
    {
        uint last = (await SettleAsync()).Json.GetProperty("counter").GetUInt32();
        Directory.Delete(Path.GetDirectoryName(Flash)!, recursive: true);

        CliRun orphan = await SettleAsync();
        Assert.Equal(ExitCodes.Refused, orphan.ExitCode);
        Assert.Equal("reader.not_provisioned", orphan.Json.GetProperty("error").GetProperty("key").GetString());

        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync(["--json", "provision", "--reader", "1"])).ExitCode);
        JsonElement again = (await SettleAsync()).Json;
        Assert.True(again.GetProperty("counter").GetUInt32() > last);
    }
}
