using System;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard card lookup` and `card lookup-password change|reset` against a real ledger file.</summary>
public sealed class LookupCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    // Zhang Wei's resident ID holds the birth date 7 March 1985: the default lookup password.
    private const string Birth = "19850307";

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task The_default_password_shows_only_the_card_number_and_status()
    {
        CliRun run = await _cli.OkAsync("--json", "card", "lookup", "--id", CliHarness.HolderId, "--password", Birth);
        Assert.Equal(CliHarness.HolderCard, run.Json.GetProperty("cardNumber").GetString());
        Assert.Equal("active", run.Json.GetProperty("status").GetString());
        var names = new System.Collections.Generic.List<string>();
        foreach (var property in run.Json.EnumerateObject())
        {
            names.Add(property.Name);
        }

        Assert.Equal(["ok", "cardNumber", "status"], names); // no name, balance or history
        Assert.DoesNotContain("Zhang", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_run_out_like_pin_tries_and_the_desk_resets_them()
    {
        CliRun wrong = await _cli.RunAsync("--json", "card", "lookup", "--id", CliHarness.HolderId, "--password", "20000101");
        Assert.Equal(ExitCodes.Refused, wrong.ExitCode);
        Assert.Equal("lookup.password_wrong", wrong.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(2, wrong.Json.GetProperty("error").GetProperty("pinTriesLeft").GetInt32());
        Assert.DoesNotContain("20000101", wrong.Out + wrong.Error, StringComparison.Ordinal);

        await _cli.RunAsync("card", "lookup", "--id", CliHarness.HolderId, "--password", "20000101");
        CliRun blocked = await _cli.RunAsync("--json", "card", "lookup", "--id", CliHarness.HolderId, "--password", "20000101");
        Assert.Equal("lookup.blocked", blocked.Json.GetProperty("error").GetProperty("key").GetString());
        CliRun stillBlocked = await _cli.RunAsync("--json", "card", "lookup", "--id", CliHarness.HolderId, "--password", Birth);
        Assert.Equal(ExitCodes.Refused, stillBlocked.ExitCode);
        Assert.Equal("lookup.blocked", stillBlocked.Json.GetProperty("error").GetProperty("key").GetString());

        await _cli.OkAsync("card", "lookup-password", "reset", "--id", CliHarness.HolderId);
        await _cli.OkAsync("card", "lookup", "--id", CliHarness.HolderId, "--password", Birth);
    }

    [Fact]
    public async Task A_changed_password_replaces_the_birth_date()
    {
        await _cli.OkAsync("card", "lookup-password", "change", "--id", CliHarness.HolderId, "--password", Birth, "--new-password", "739150");
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("card", "lookup", "--id", CliHarness.HolderId, "--password", Birth)).ExitCode);
        CliRun run = await _cli.OkAsync("--json", "card", "lookup", "--id", CliHarness.HolderId, "--password", "739150");
        Assert.Equal(CliHarness.HolderCard, run.Json.GetProperty("cardNumber").GetString());
    }

    [Theory]
    [InlineData("--password", "12ab5678")]
    [InlineData("--password", "123")]
    [InlineData("--id", "110101198502304516")]
    public async Task Bad_input_is_exit_2_without_echoing_a_password(string option, string value)
    {
        string[] args = ["card", "lookup", "--id", CliHarness.HolderId, "--password", Birth];
        args[Array.IndexOf(args, option) + 1] = value;
        CliRun run = await _cli.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        if (option == "--password")
        {
            Assert.DoesNotContain(value, run.Error, StringComparison.Ordinal);
        }
    }
}
