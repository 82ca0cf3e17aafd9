using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>Only setup commands create a ledger; every other command, read commands first of all, fails with
/// "no ledger at PATH" (exit 4) and leaves nothing behind. `medcard audit` prints the ledger's own audit.</summary>
public sealed class StoreAccessTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    public static TheoryData<string[]> CommandsThatNeedALedger => new()
    {
        new[] { "balance", "--id", CliHarness.HolderId },
        new[] { "balance", "--card", CliHarness.HolderCard },
        new[] { "records", "list", "--card", CliHarness.HolderCard },
        new[] { "records", "print", "--card", CliHarness.HolderCard },
        new[] { "card", "show", "--card", CliHarness.HolderCard },
        new[] { "family", "list", "--payer", CliHarness.HolderId },
        new[] { "institution", "list" },
        new[] { "policy", "show" },
        new[] { "audit" },
        new[] { "refund", "--reader", "1", "--counter", "1" },
        new[] { "pin", "reset", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId, "--new-pin", "1234" },
        new[] { "card", "report-loss", "--card", CliHarness.HolderCard, "--name", "Zhang Wei", "--id", CliHarness.HolderId, "--employer", CliHarness.HolderEmployer },
    };

    [Theory]
    [MemberData(nameof(CommandsThatNeedALedger))]
    public async Task A_command_that_needs_a_ledger_never_creates_one(string[] args)
    {
        string store = Path.Combine(_cli.Folder, "nothing-here.db");
        foreach (bool json in new[] { false, true })
        {
            CliRun run = await _cli.RunAsync(["--store", store, .. json ? new[] { "--json" } : [], .. args]);
            Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.StartsWith("medcard: no ledger at " + store + ".", run.Error);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_cli.Folder));
    }

    [Fact]
    public async Task Setup_commands_create_the_ledger()
    {
        CliRun run = await _cli.RunAsync("institution", "add", "--id", "H001", "--name", "City No.1 Hospital");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(_cli.Store));
        await _cli.OkAsync("institution", "list");
    }

    [Fact]
    public async Task Audit_prints_the_ledger_audit_and_fails_with_the_findings_when_an_invariant_breaks()
    {
        await _cli.SeedAsync();
        CliRun ok = await _cli.OkAsync("--json", "audit");
        Assert.True(ok.Json.GetProperty("audit").GetProperty("ok").GetBoolean());
        Assert.Equal(0, ok.Json.GetProperty("audit").GetProperty("postingTotalFen").GetInt64());
        Assert.True(ok.Json.GetProperty("audit").GetProperty("entries").GetInt64() >= 2); // the two opening balances
        Assert.Contains("ledger audit ok", (await _cli.OkAsync("audit")).Out);

        // Someone edits a balance behind the ledger's back.
        await using (var db = new SqliteConnection("Data Source=" + _cli.Store + ";Pooling=False"))
        {
            await db.OpenAsync();
            await using SqliteCommand edit = db.CreateCommand();
            edit.CommandText = "UPDATE persons SET balance = balance + 100 WHERE resident_id = '" + CliHarness.HolderId + "'";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        CliRun broken = await _cli.RunAsync("audit");
        Assert.Equal(ExitCodes.AuditFailed, broken.ExitCode);
        Assert.Contains("person " + CliHarness.HolderId + " balance 10100 but postings sum to 10000", broken.Out);
        Assert.Single(broken.Error.TrimEnd().Split('\n'));
        Assert.Contains("audit found 1 violation", broken.Error);

        CliRun brokenJson = await _cli.RunAsync("--json", "audit");
        Assert.Equal(ExitCodes.AuditFailed, brokenJson.ExitCode);
        var audit = brokenJson.Json.GetProperty("error").GetProperty("audit");
        Assert.False(audit.GetProperty("ok").GetBoolean());
        Assert.Equal(1, audit.GetProperty("violations").GetArrayLength());
    }
}
