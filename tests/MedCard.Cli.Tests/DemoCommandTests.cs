using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard demo` runs the whole clinic day and checks every rule on the way.</summary>
// The demo drives the real-time simulator keypad for one visit: run it alone, like the connected-reader tests.
[Collection(SerialCollection.Name)]
public sealed class DemoCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Demo_runs_to_the_end_and_shows_every_rule()
    {
        CliRun run = await _cli.RunAsync("--json", "demo");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        JsonElement json = run.Json;
        JsonElement[] steps = json.GetProperty("steps").EnumerateArray().ToArray();
        Assert.All(steps, s => Assert.Equal(s.GetProperty("expected").GetString(), s.GetProperty("actual").GetString()));
        string[] outcomes = steps.Select(s => s.GetProperty("actual").GetString()!).ToArray();
        foreach (string rule in new[] { "pin.wrong", "pin.blocked", "card.reported_lost", "card.replaced", "institution.not_designated",
            "family.not_bound", "card.unprinted_limit", "record.forged", "record.replayed" })
        {
            Assert.Contains(rule, outcomes);
        }

        // The remote patient: settled under the insured region's policy, and the day's clearing shows what that region owes.
        JsonElement clearing = steps.Single(s => s.GetProperty("step").GetString()!.StartsWith("clearing report", System.StringComparison.Ordinal));
        Assert.Contains("310000 fund owes", clearing.GetProperty("details").GetProperty("note").GetString(), System.StringComparison.Ordinal);

        Assert.True(json.GetProperty("audit").GetProperty("ok").GetBoolean());
        Assert.Equal(0, json.GetProperty("audit").GetProperty("postingTotalFen").GetInt64());
        string pdf = json.GetProperty("statementPdf").GetString()!;
        Assert.True(File.Exists(pdf));
        Assert.All(json.GetProperty("balances").EnumerateArray(), p => Assert.True(p.GetProperty("balanceFen").GetInt64() >= 0));
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Demo_in_text_prints_tables_without_progress_when_not_a_terminal()
    {
        string store = Path.Combine(_cli.Folder, "text-demo.db");
        CliRun run = await _cli.RunAsync("--store", store, "demo");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("A card reaching 60 unprinted records", run.Out);
        Assert.Contains("Demo finished", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out); // no ANSI escapes (colours, cursor moves) in a pipe
        Assert.DoesNotContain("━", run.Out); // no progress bar either
    }

    [Fact]
    public async Task Demo_refuses_a_store_that_already_holds_its_people()
    {
        string store = Path.Combine(_cli.Folder, "twice.db");
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("--store", store, "--json", "demo")).ExitCode);
        CliRun again = await _cli.RunAsync("--store", store, "demo");
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("fresh store", again.Error);
    }
}
