using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard account credit`: the month-end credit run from a CSV file.</summary>
public sealed class AccountCreditCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private Task<string> WriteAsync(string name, params string[] lines) => _cli.WriteFileAsync(name, lines);

    [Fact]
    public async Task A_month_is_credited_once_and_a_rerun_credits_nobody_again()
    {
        await _cli.SeedAsync();
        string file = await WriteAsync("credits.csv", "residentId,amount", CliHarness.HolderId + ",350.00", "\"" + CliHarness.SpouseId + "\",120.5");
        JsonElement first = (await _cli.OkAsync("--json", "account", "credit", "--month", "2026-11", "--file", file)).Json;
        Assert.Equal(2, first.GetProperty("credited").GetInt32());
        Assert.Equal(350_00 + 120_50, first.GetProperty("creditedFen").GetInt64());
        Assert.Equal(100_00 + 350_00, await _cli.BalanceFenAsync(CliHarness.HolderId));

        JsonElement again = (await _cli.OkAsync("--json", "account", "credit", "--month", "2026-11", "--file", file)).Json;
        Assert.Equal(0, again.GetProperty("credited").GetInt32());
        Assert.Equal(2, again.GetProperty("alreadyCredited").GetInt32());
        Assert.Equal(100_00 + 350_00, await _cli.BalanceFenAsync(CliHarness.HolderId));

        CliRun text = await _cli.OkAsync("account", "credit", "--month", "2026-12", "--file", file);
        Assert.Contains("credited 2 accounts for 2026-12", text.Out);
        Assert.Contains("ledger audit ok: 6 entries", (await _cli.OkAsync("audit")).Out); // 2 opening balances, 4 credits
    }

    [Fact]
    public async Task Bad_lines_are_listed_with_their_numbers_and_nothing_is_credited()
    {
        await _cli.SeedAsync();
        string file = await WriteAsync("bad.csv", "residentId,amount", CliHarness.HolderId + ",350.00", "110101198001010000,1",
            CliHarness.SpouseId + ",abc", "44030519900101123X,10");
        CliRun run = await _cli.RunAsync("account", "credit", "--month", "2026-11", "--file", file);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("line 3: not a valid resident ID", run.Error);
        Assert.Contains("line 4: the amount", run.Error);
        Assert.Equal(100_00, await _cli.BalanceFenAsync(CliHarness.HolderId));

        // Well-formed, but line 3 names nobody enrolled: found by the ledger, still nothing credited.
        string unknown = await WriteAsync("unknown.csv", "residentId,amount", CliHarness.HolderId + ",350.00", "44030519900101123X,10");
        CliRun json = await _cli.RunAsync("--json", "account", "credit", "--month", "2026-11", "--file", unknown);
        Assert.Equal(ExitCodes.BadInput, json.ExitCode);
        JsonElement error = json.Json.GetProperty("error").GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("no insured person", error.GetProperty("reason").GetString());
        Assert.Equal(100_00, await _cli.BalanceFenAsync(CliHarness.HolderId));

        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("account", "credit", "--month", "2026-13", "--file", file)).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("account", "credit", "--month", "2026-11", "--file", Path.Combine(_cli.Folder, "none.csv"))).ExitCode);
    }

    [Fact]
    public async Task History_keeps_credits_and_spends_after_the_statement_is_printed()
    {
        await _cli.SeedAsync();
        string file = await WriteAsync("credits.csv", "residentId,amount", CliHarness.HolderId + ",350.00");
        await _cli.OkAsync("account", "credit", "--month", "2026-11", "--file", file);
        await _cli.OkAsync("settle", "--simulated", "--card", CliHarness.HolderCard, "--pin", CliHarness.HolderPin, "--institution", "H001",
            "--amount", "80");
        await _cli.OkAsync("records", "print", "--card", CliHarness.HolderCard, "--output", Path.Combine(_cli.Folder, "statement.txt"));
        Assert.Equal(0, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.HolderCard)).Json.GetProperty("unprinted").GetInt32());

        JsonElement history = (await _cli.OkAsync("--json", "records", "history", "--card", CliHarness.HolderCard)).Json.GetProperty("history");
        string[] kinds = [.. history.EnumerateArray().Select(l => l.GetProperty("kind").GetString()!)];
        Assert.Equal(["contribution", "credit", "spend"], kinds.Order());
        JsonElement spend = history.EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "spend");
        Assert.Equal("City No.1 Hospital", spend.GetProperty("institutionName").GetString());
        Assert.Equal(1, spend.GetProperty("reader").GetInt32());
        Assert.Equal(8000, spend.GetProperty("totalFen").GetInt64());
        Assert.EndsWith("+08:00", spend.GetProperty("time").GetString());

        CliRun text = await _cli.OkAsync("records", "history", "--card", CliHarness.HolderCard);
        Assert.Contains("3 transactions", text.Out);
        Assert.Contains("China Standard Time", text.Out);
        Assert.Equal(0, (await _cli.OkAsync("--json", "records", "history", "--card", CliHarness.HolderCard, "--to", "2000-01-01")).Json
            .GetProperty("transactions").GetInt32());
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("records", "history", "--card", CliHarness.HolderCard, "--from", "yesterday")).ExitCode);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("records", "history", "--card", "MC9999")).ExitCode);
    }
}
