using System;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`provision` and `ports`.</summary>
public sealed class ReaderCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Provision_prints_a_fingerprint_never_the_key()
    {
        string key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        CliRun run = await _cli.OkAsync("--json", "provision", "--reader", "7", "--key", key);
        Assert.Equal(7u, run.Json.GetProperty("reader").GetUInt32());
        Assert.Equal("simulated", run.Json.GetProperty("target").GetString());
        Assert.Equal(16, run.Json.GetProperty("keyFingerprint").GetString()!.Length);
        Assert.DoesNotContain(key, run.Out, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key[..16], run.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reprovisioning_continues_above_the_last_counter_the_ledger_saw()
    {
        await _cli.SeedAsync();
        await _cli.OkAsync("settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "10");
        CliRun again = await _cli.OkAsync("--json", "provision", "--reader", "1");
        Assert.Equal(1u, again.Json.GetProperty("startCounter").GetUInt32());
        CliRun settle = await _cli.OkAsync("--json", "settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001",
            "--amount", "10");
        Assert.Equal(2u, settle.Json.GetProperty("counter").GetUInt32());
    }

    [Theory]
    [InlineData("--key", "00112233")]
    [InlineData("--key", "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    public async Task Provision_rejects_a_malformed_key_without_echoing_it(string option, string value)
    {
        CliRun run = await _cli.RunAsync("provision", "--reader", "2", option, value);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain(value, run.Error + run.Out);
    }

    [Fact]
    public async Task Provision_rejects_reader_zero()
    {
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("provision", "--reader", "0")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("provision")).ExitCode);
    }

    [Fact]
    public async Task Provision_on_a_missing_port_is_an_io_failure()
    {
        CliRun run = await _cli.RunAsync("provision", "--reader", "3", "--port", "/dev/medcard-no-such-port");
        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.Contains("medcard-no-such-port", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Provision_on_a_malformed_tcp_address_is_bad_input()
    {
        CliRun run = await _cli.RunAsync("provision", "--reader", "3", "--port", "tcp://nohost");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        // The host library's parser decides; the tool keeps its one error line with what to type instead.
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("'tcp://nohost' is not tcp://host:port", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_that_is_neither_a_device_path_nor_tcp_is_bad_input_for_provision_and_settle()
    {
        CliRun provision = await _cli.RunAsync("provision", "--reader", "3", "--port", "ttyUSB0");
        Assert.Equal(ExitCodes.BadInput, provision.ExitCode);
        Assert.Contains("neither a device path", provision.Error, StringComparison.Ordinal);
        await _cli.SeedAsync();
        CliRun settle = await _cli.RunAsync("settle", "--port", "tcp://127.0.0.1:0", "--institution", "H001", "--amount", "25");
        Assert.Equal(ExitCodes.BadInput, settle.ExitCode);
    }

    [Fact]
    public async Task Ports_lists_as_json()
    {
        CliRun run = await _cli.OkAsync("--json", "ports");
        Assert.True(run.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, run.Json.GetProperty("ports").ValueKind);
    }

    [Fact]
    public async Task Ports_lists_what_the_host_library_enumerates_on_this_OS()
    {
        CliRun run = await _cli.OkAsync("--json", "ports");
        string[] listed = [.. System.Linq.Enumerable.Select(run.Json.GetProperty("ports").EnumerateArray(), p => p.GetProperty("device").GetString()!)];
        string[] expected = [.. System.Linq.Enumerable.Select(MedCard.Host.Transport.SerialPortEnumerator.List(), p => p.DevicePath)];
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task A_com_port_is_accepted_and_where_it_cannot_open_the_error_is_one_line()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // COM3 may exist there.
        }
        CliRun run = await _cli.RunAsync("provision", "--reader", "3", "--port", "COM3");
        // Not refused as malformed (that would be exit 2): it reached the transport, which could not open it.
        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("COM3 is a Windows port name", run.Error, StringComparison.Ordinal);
        Assert.Contains("medcard ports", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        string expected = System.Reflection.CustomAttributeExtensions
            .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(MedCardCli).Assembly)!.InformationalVersion;
        // Alone on the line, as `medcard --version` is typed (the harness would add --store).
        using var stdout = new System.IO.StringWriter();
        int exit = await MedCardCli.RunAsync(["--version"], new CliIo(stdout, System.IO.TextWriter.Null, System.IO.TextReader.Null, OutputIsTerminal: false),
            System.Threading.CancellationToken.None);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(expected, stdout.ToString().Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", expected);
    }
}
