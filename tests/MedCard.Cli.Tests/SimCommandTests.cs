using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard sim` starts the desktop reader simulator and prints the device path.</summary>
public sealed class SimCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    /// <summary>Stdin of the simulator: on the first read it looks at what was printed so far (the device
    /// path must already be there and openable), then sends the script lines.</summary>
    private sealed class ScriptedInput(StringWriter stdout, params string[] lines) : TextReader
    {
        private int _next;

        public string? DeviceSeen { get; private set; }

        public bool DeviceExisted { get; private set; }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_next == 0)
            {
                using JsonDocument doc = JsonDocument.Parse(stdout.ToString());
                DeviceSeen = doc.RootElement.GetProperty("device").GetString();
                DeviceExisted = DeviceSeen is not null && (DeviceSeen.StartsWith("tcp://", StringComparison.Ordinal) || File.Exists(DeviceSeen));
            }

            return ValueTask.FromResult(_next < lines.Length ? lines[_next++] : null);
        }
    }

    private static async Task<(int Exit, string Out, string Error, ScriptedInput Input)> RunAsync(string[] args, params string[] input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var stdin = new ScriptedInput(stdout, input);
        int exit = await MedCardCli.RunAsync(args, new CliIo(stdout, stderr, stdin, OutputIsTerminal: false), CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString(), stdin);
    }

    [Fact]
    public async Task Sim_prints_a_live_pty_path_and_takes_holder_commands()
    {
        var run = await RunAsync(["--json", "sim"], "status", "place alice", "keys 12", "lift", "bogus", "quit");
        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.StartsWith("/dev/", run.Input.DeviceSeen);
        Assert.True(run.Input.DeviceExisted);
        Assert.Contains("card alice placed", run.Error);
        Assert.Contains("commands:", run.Error); // an unknown command shows the command list
        Assert.Equal(7001u, JsonDocument.Parse(run.Out).RootElement.GetProperty("readerId").GetUInt32());
    }

    [Fact]
    public async Task Sim_on_tcp_stops_after_the_duration_with_exit_zero()
    {
        var run = await RunAsync(["--json", "sim", "--tcp", "0", "--duration", "0.3"]);
        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.StartsWith("tcp://127.0.0.1:", run.Input.DeviceSeen);
    }

    [Fact]
    public async Task Sim_reports_a_bad_place_and_keeps_running()
    {
        var run = await RunAsync(["--json", "sim"], "place nobody", "quit");
        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains("error:", run.Error);
    }

    [Fact]
    public async Task Sim_can_start_with_a_card_placed_on_a_paced_line()
    {
        var run = await RunAsync(["--json", "sim", "--baud", "115200", "--place", "bob"], "status", "quit");
        Assert.Equal(ExitCodes.Success, run.Exit);
        Assert.Contains("card bob placed", run.Error);
    }

    [Fact]
    public async Task Exported_cards_file_loads_back()
    {
        string file = Path.Combine(_cli.Folder, "cards.json");
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("sim", "--export-cards", file)).ExitCode);
        Assert.Contains("M0000001", await File.ReadAllTextAsync(file));
        var run = await RunAsync(["--json", "sim", "--cards", file, "--duration", "0.2"]);
        Assert.Equal(ExitCodes.Success, run.Exit);
    }

    [Theory]
    [InlineData("--tcp", "70000")]
    [InlineData("--baud", "12")]
    [InlineData("--duration", "-1")]
    [InlineData("--duration", "soon")]
    [InlineData("--cards", "/no/such/cards.json")]
    public async Task Sim_bad_input(string option, string value)
    {
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("sim", option, value)).ExitCode);
    }

    [Fact]
    public async Task Sim_rejects_a_malformed_cards_file()
    {
        string file = Path.Combine(_cli.Folder, "broken-cards.json");
        await File.WriteAllTextAsync(file, "{ \"cards\": [ { \"uid\": \"nothex\" } ] }");
        CliRun run = await _cli.RunAsync("sim", "--cards", file, "--duration", "0.1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("broken-cards.json", run.Error);
    }
}
