using System;
using System.Threading.Tasks;
using MedCard.Simulator.InProcess;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// `medcard settle --simulated` through the checkout library: what needs no card, and a wrong PIN, are refused before the
/// reader is asked to sign (its counter does not move); one simulated reader's flash is locked against a second process.
/// </summary>
public sealed class CheckoutOnSimulatedReaderTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    private string Reader => SimulatedReaderFlash.DirectoryFor(_cli.Store, 1);

    private Task<CliRun> SettleAsync(params string[] extra) =>
        _cli.RunAsync(["--json", "settle", "--simulated", "--card", CliHarness.SpouseCard, .. extra]);

    private static string RefusalKey(CliRun run) => run.Json.GetProperty("error").GetProperty("key").GetString()!;

    [Fact]
    public async Task A_wrong_pin_and_refusals_that_need_no_card_never_ask_the_reader_to_sign()
    {
        Assert.Equal(ExitCodes.Success, (await SettleAsync("--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "5")).ExitCode);
        uint before = SimulatedReaderFlash.Inspect(Reader).LastCounter;
        Assert.Equal(1u, before);

        CliRun wrong = await SettleAsync("--pin", "999999", "--institution", "H001", "--amount", "5");
        Assert.Equal("pin.wrong", RefusalKey(wrong));
        CliRun unknown = await SettleAsync("--pin", CliHarness.SpousePin, "--institution", "NOPE", "--amount", "5");
        Assert.Equal("institution.unknown", RefusalKey(unknown));
        CliRun notDesignated = await SettleAsync("--pin", CliHarness.SpousePin, "--institution", "C099", "--amount", "5");
        Assert.Equal("institution.not_designated", RefusalKey(notDesignated));
        foreach (CliRun refused in new[] { wrong, unknown, notDesignated })
        {
            Assert.Equal(ExitCodes.Refused, refused.ExitCode);
            Assert.False(refused.Json.GetProperty("error").TryGetProperty("settlement", out System.Text.Json.JsonElement s) && s.GetProperty("signed").GetBoolean());
        }

        Assert.Equal(before, SimulatedReaderFlash.Inspect(Reader).LastCounter); // nothing was signed
        CliRun next = await SettleAsync("--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "5");
        Assert.True(next.ExitCode == ExitCodes.Success, next.ToString());
        Assert.Equal(before + 1, next.Json.GetProperty("counter").GetUInt32());
        Assert.Equal("Accepted", next.Json.GetProperty("recordVerdict").GetString());
    }

    [Fact]
    public async Task A_visit_type_without_policy_is_refused_before_signing()
    {
        var bare = new CliHarness();
        await bare.InitializeAsync();
        try
        {
            await bare.OkAsync("policy", "set", "--visit", "outpatient", "--deductible", "100", "--copay", "30", "--cap", "20000");
            await bare.OkAsync("institution", "add", "--id", "H001", "--name", "City No.1 Hospital");
            await bare.OkAsync("provision", "--reader", "1");
            await bare.OkAsync("card", "enroll", "--id", CliHarness.SpouseId, "--name", "Li Na", "--gender", "female", "--card", CliHarness.SpouseCard,
                "--uid", "04D4E5F6", "--pin", CliHarness.SpousePin, "--balance", "100");
            CliRun run = await bare.RunAsync("--json", "settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin,
                "--institution", "H001", "--visit", "inpatient", "--amount", "5");
            Assert.Equal(ExitCodes.Refused, run.ExitCode);
            Assert.Equal("policy.missing", RefusalKey(run));
            Assert.Equal(0u, SimulatedReaderFlash.Inspect(SimulatedReaderFlash.DirectoryFor(bare.Store, 1)).LastCounter);
        }
        finally
        {
            await bare.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_second_process_on_one_simulated_reader_gets_one_line_and_exit_4()
    {
        await using (SimulatedReaderTransport held = SimulatedReaderTransport.Open(Reader))
        {
            CliRun run = await _cli.RunAsync("settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin,
                "--institution", "H001", "--amount", "5");
            Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
            Assert.Contains("in use by another process", run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        }

        Assert.Equal(ExitCodes.Success, (await SettleAsync("--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "5")).ExitCode);
    }
}
