using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>Exit codes and the one-line error contract, independent of any one command.</summary>
public sealed class UsageAndErrorTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Unknown_command_is_bad_input_with_one_line()
    {
        CliRun run = await _cli.RunAsync("frobnicate");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("frobnicate", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task No_command_prints_the_help()
    {
        CliRun run = await _cli.RunAsync();
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Commands:", run.Out);
    }

    [Fact]
    public async Task Missing_required_option_is_bad_input_and_points_at_help()
    {
        CliRun run = await _cli.RunAsync("card", "show");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--card", run.Error);
        Assert.Contains("medcard card show --help", run.Error);
    }

    [Fact]
    public async Task Usage_error_with_json_prints_a_json_error_document()
    {
        CliRun run = await _cli.RunAsync("--json", "card", "show");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        JsonElement json = run.Json;
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal(ExitCodes.BadInput, json.GetProperty("exitCode").GetInt32());
        Assert.Equal("usage", json.GetProperty("error").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("ports")]
    [InlineData("policy", "show")]
    [InlineData("institution", "list")]
    [InlineData("demo")]
    [InlineData("sim")]
    public async Task Commands_without_options_reject_an_unknown_one(params string[] command)
    {
        CliRun run = await _cli.RunAsync([.. command, "--bogus"]);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--bogus", run.Error);
    }

    [Fact]
    public async Task Help_exits_zero_and_lists_every_command()
    {
        CliRun run = await _cli.RunAsync("--help");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (string command in new[] { "demo", "sim", "ports", "provision", "card", "pin", "family", "settle", "refund", "balance", "records",
            "institution", "policy" })
        {
            Assert.Contains("  " + command + " ", run.Out);
        }
    }

    [Fact]
    public async Task Store_in_a_missing_folder_is_an_io_failure()
    {
        string store = Path.Combine(_cli.Folder, "no-such-folder", "ledger.db");
        CliRun run = await _cli.RunAsync("--store", store, "policy", "show");
        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("no-such-folder", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Verbose_adds_the_details_a_plain_error_leaves_out()
    {
        string store = Path.Combine(_cli.Folder, "no-such-folder", "ledger.db");
        CliRun plain = await _cli.RunAsync("--store", store, "policy", "show");
        CliRun verbose = await _cli.RunAsync("--store", store, "--verbose", "policy", "show");
        Assert.Equal(plain.ExitCode, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error);
        Assert.True(verbose.Error.Split('\n').Length > plain.Error.Split('\n').Length);
    }

    [Fact]
    public async Task Store_that_is_not_a_database_is_an_io_failure()
    {
        string store = Path.Combine(_cli.Folder, "garbage.db");
        await File.WriteAllTextAsync(store, new string('x', 4096));
        CliRun run = await _cli.RunAsync("--store", store, "--json", "institution", "list");
        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.Equal("io", run.Json.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Postgres_store_that_cannot_be_reached_is_an_io_failure_without_the_password()
    {
        CliRun run = await _cli.RunAsync("--store", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=s3cret;Timeout=2", "policy", "show");
        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.DoesNotContain("s3cret", run.Error);
    }
}
