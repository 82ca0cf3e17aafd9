using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Simulator;
using Xunit;

namespace MedCard.EndToEnd.Tests.EndToEnd;

/// <summary>The one-call console program behind `medcard sim`: device path first, commands, never a PIN on screen.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SimulatorConsoleTests
{
    [Fact]
    public async Task The_console_prints_the_device_path_runs_commands_and_never_echoes_typed_keys()
    {
        var output = new StringWriter();
        var input = new StringReader("cards\nplace bob\nkeys 654321#\nstatus\nbogus\nquit\n");
        using var cts = new CancellationTokenSource(System.TimeSpan.FromSeconds(30));

        int exit = await SimulatorConsole.RunAsync(new SimulatorLaunch(), input, output, cts.Token);

        string text = output.ToString();
        Assert.Equal(0, exit);
        Assert.StartsWith("device: /dev/", text);
        Assert.Contains("M0000002", text); // the cards listing
        Assert.Contains("card bob placed", text);
        Assert.Contains("7 key(s) queued", text);
        Assert.Contains("commands:", text); // help after an unknown command
        Assert.DoesNotContain("654321", text);
        Assert.EndsWith("stopping" + System.Environment.NewLine, text);
    }
}
