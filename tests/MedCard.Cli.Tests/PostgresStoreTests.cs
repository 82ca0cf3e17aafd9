using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>The tool on a PostgreSQL ledger (a private server): the ledger and the tool's reader tables work there too.</summary>
[Collection(SerialCollection.Name)]
public sealed class PostgresStoreTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private PrivatePostgres? _server;

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        if (PostgresFactAttribute.BinFolder() is not null)
        {
            _server = await PrivatePostgres.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _cli.DisposeAsync();
    }

    [PostgresFact]
    public async Task Demo_and_settle_run_on_postgresql()
    {
        string store = _server!.ConnectionString;
        CliRun demo = await _cli.RunAsync("--store", store, "--json", "demo");
        Assert.True(demo.ExitCode == ExitCodes.Success, demo.ToString());
        Assert.True(demo.Json.GetProperty("audit").GetProperty("ok").GetBoolean());
        Assert.StartsWith("PostgreSQL Host=127.0.0.1", demo.Json.GetProperty("store").GetString());

        // After the demo: settle once more on the demo's reader 1 and card MC0012 (Li Na's replacement card).
        CliRun settle = await _cli.RunAsync("--store", store, "--json", "settle", "--simulated", "--reader", "1", "--card", "MC0012", "--pin", "246810",
            "--institution", "H001", "--amount", "10");
        Assert.True(settle.ExitCode == ExitCodes.Success, settle.ToString());
        JsonElement json = settle.Json;
        Assert.True(json.GetProperty("settled").GetBoolean());
        Assert.Equal(1000, json.GetProperty("totalFen").GetInt64());

        // The demo's month-end credit and the spends are in the history on PostgreSQL too.
        CliRun history = await _cli.RunAsync("--store", store, "--json", "records", "history", "--card", "MC0012");
        Assert.True(history.ExitCode == ExitCodes.Success, history.ToString());
        string kinds = string.Join(",", System.Linq.Enumerable.Select(history.Json.GetProperty("history").EnumerateArray(),
            l => l.GetProperty("kind").GetString()));
        Assert.Contains("credit", kinds);
        Assert.Contains("spend", kinds);
    }

    [PostgresFact]
    public async Task Read_commands_on_a_database_without_a_ledger_create_no_schema()
    {
        string store = _server!.ConnectionString;
        foreach (string[] args in new[] { new[] { "balance", "--id", CliHarness.HolderId }, new[] { "audit" }, new[] { "policy", "show" } })
        {
            CliRun run = await _cli.RunAsync(["--store", store, .. args]);
            Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
            Assert.StartsWith("medcard: no ledger at PostgreSQL Host=127.0.0.1.", run.Error);
            Assert.DoesNotContain("Password", run.Error);
        }

        // Still no ledger: none of them created the schema. A setup command does.
        Assert.Equal(ExitCodes.IoFailure, (await _cli.RunAsync("--store", store, "audit")).ExitCode);
        await _cli.OkAsync("--store", store, "policy", "set", "--visit", "outpatient", "--deductible", "100", "--copay", "30", "--cap", "20000");
        await _cli.OkAsync("--store", store, "audit");
    }
}
