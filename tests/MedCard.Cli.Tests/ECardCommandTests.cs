using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard ecard issue|show|accept` and `medcard settle --ecard` against a real ledger file and key file.</summary>
public sealed class ECardCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
        await _cli.OkAsync("ecard", "accept", "--institution", "H001");
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    private async Task<string> IssueAsync(string card = CliHarness.SpouseCard, string id = CliHarness.SpouseId) =>
        (await _cli.OkAsync("--json", "ecard", "issue", "--card", card, "--id", id)).Json.GetProperty("token").GetString()!;

    [Fact]
    public async Task An_issued_e_card_settles_once_with_its_qr_code_written_as_png()
    {
        string png = Path.Combine(_cli.Folder, "ecard.png");
        JsonElement issued = (await _cli.OkAsync("--json", "ecard", "issue", "--card", CliHarness.SpouseCard, "--id", CliHarness.SpouseId, "--qr", png)).Json;
        string token = issued.GetProperty("token").GetString()!;
        Assert.StartsWith("MCE1.", token, StringComparison.Ordinal);
        Assert.Equal(CliHarness.SpouseCard, issued.GetProperty("cardNumber").GetString());
        byte[] image = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image[..4]);
        Assert.True(image.Length > 200);
        Assert.Equal(CliHarness.SpouseCard, (await _cli.OkAsync("--json", "ecard", "show", "--token", token)).Json.GetProperty("cardNumber").GetString());

        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        JsonElement paid = (await _cli.OkAsync("--json", "settle", "--ecard", token, "--institution", "H001", "--amount", "200")).Json;
        Assert.True(paid.GetProperty("settled").GetBoolean());
        Assert.Equal(0u, paid.GetProperty("reader").GetUInt32());
        Assert.True(await _cli.BalanceFenAsync(CliHarness.SpouseId) < before);

        CliRun replay = await _cli.RunAsync("--json", "settle", "--ecard", token, "--institution", "H001", "--amount", "200");
        Assert.Equal(ExitCodes.Refused, replay.ExitCode);
        Assert.Equal("ecard.replayed", replay.Json.GetProperty("error").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Refusals_have_stable_keys_and_leave_the_token_unused()
    {
        string token = await IssueAsync();
        Assert.Equal("ecard.not_accepted", await RefusalAsync("--ecard", token, "--institution", "P001", "--amount", "20"));
        Assert.Equal("ecard.pin_required", await RefusalAsync("--ecard", token, "--institution", "H001", "--amount", "500.01"));
        string forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal("ecard.forged", await RefusalAsync("--ecard", forged, "--institution", "H001", "--amount", "20"));
        await _cli.OkAsync("settle", "--ecard", token, "--institution", "H001", "--amount", "20");

        // A lost card's e-card is refused, and a lost card gets no new one.
        string beforeLoss = await IssueAsync();
        await _cli.OkAsync("card", "report-loss", "--id", CliHarness.SpouseId, "--channel", "written");
        Assert.Equal("card.reported_lost", await RefusalAsync("--ecard", beforeLoss, "--institution", "H001", "--amount", "20"));
        CliRun none = await _cli.RunAsync("--json", "ecard", "issue", "--card", CliHarness.SpouseCard, "--id", CliHarness.SpouseId);
        Assert.Equal(ExitCodes.Refused, none.ExitCode);
        Assert.Equal("card.reported_lost", none.Json.GetProperty("error").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Bad_input_is_exit_2()
    {
        string token = await IssueAsync();
        CliRun withReader = await _cli.RunAsync("settle", "--ecard", token, "--simulated", "--institution", "H001", "--amount", "20");
        Assert.Equal(ExitCodes.BadInput, withReader.ExitCode);
        Assert.DoesNotContain(token, withReader.Error, StringComparison.Ordinal);
        CliRun garbage = await _cli.RunAsync("ecard", "show", "--token", "not-a-token");
        Assert.Equal(ExitCodes.BadInput, garbage.ExitCode);
        Assert.DoesNotContain("   at ", garbage.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("ecard", "issue", "--card", CliHarness.SpouseCard, "--id", CliHarness.HolderId)).ExitCode);
    }

    private async Task<string?> RefusalAsync(params string[] args)
    {
        CliRun run = await _cli.RunAsync(["--json", "settle", .. args]);
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        return run.Json.GetProperty("error").GetProperty("key").GetString();
    }
}
