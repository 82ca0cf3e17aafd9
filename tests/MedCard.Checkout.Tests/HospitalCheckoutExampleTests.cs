using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Simulator.Cards;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.Checkout.Tests;

/// <summary>
/// examples/HospitalCheckout, as its README tells an integrator to run it: a real `medcard sim` on a pseudo-terminal,
/// provisioned over the link with `medcard provision --port`, a card enrolled with `medcard card enroll`, then the sample
/// settles one purchase; the holder places the card when the sample says it is waiting (the simulator types the PIN).
/// </summary>
public sealed class HospitalCheckoutExampleTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medcard-example-").FullName;

    private string Ledger => Path.Combine(_folder, "ledger.db");

    [Fact]
    public void The_sample_is_under_sixty_lines()
    {
        DirectoryInfo? root = new(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "MedCard.Device.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        int lines = File.ReadAllLines(Path.Combine(root!.FullName, "examples", "HospitalCheckout", "Program.cs")).Length;
        Assert.True(lines < 60, "examples/HospitalCheckout/Program.cs has " + lines + " lines; an integrator's sample stays under 60");
    }

    [Fact]
    public async Task The_sample_settles_one_purchase_against_medcard_sim()
    {
        CardSpec alice = CardDeck.DemoFile().Cards.Single(c => c.Label == "alice");
        using Process sim = Start("medcard.dll", "sim", "--unprovisioned");
        try
        {
            string device = (await LineAsync(sim, "is listening on ")).Trim();
            await MedcardAsync("provision", "--reader", "9", "--port", device);
            await MedcardAsync("policy", "set", "--visit", "outpatient", "--deductible", "0", "--copay", "30", "--cap", "20000");
            await MedcardAsync("institution", "add", "--id", "H001", "--name", "City No.1 Hospital");
            await MedcardAsync("card", "enroll", "--id", alice.ResidentId!, "--name", "Zhang Li", "--gender", "female", "--card", alice.CardNumber!,
                "--uid", alice.Uid, "--pin", alice.Pin!, "--balance", "100");

            using Process sample = Start("HospitalCheckout.dll", device, Ledger, "H001", "2500");
            await LineAsync(sample, "waiting");
            await sim.StandardInput.WriteLineAsync("place alice");
            await sim.StandardInput.FlushAsync();
            string settled = await LineAsync(sample, "settled ");
            await sample.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, sample.ExitCode);
            Assert.Contains("for card " + alice.CardNumber, settled, StringComparison.Ordinal);
            Assert.Contains("fund 1750", settled, StringComparison.Ordinal); // 70 % of 25.00 from the pooled fund
        }
        finally
        {
            sim.Kill(entireProcessTree: true);
            await sim.WaitForExitAsync();
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Threading.Channels.Channel<string?>> _lines = new();

    private Process Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        // Lines are read by the process's own reader thread: a read on the test's thread can block it.
        var process = new Process { StartInfo = start };
        var lines = System.Threading.Channels.Channel.CreateUnbounded<string?>();
        process.OutputDataReceived += (_, e) => lines.Writer.TryWrite(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Writer.TryWrite("stderr: " + e.Data);
            }
        };
        process.Start();
        _lines[process.Id] = lines;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task MedcardAsync(params string[] args)
    {
        using Process p = Start("medcard.dll", ["--store", Ledger, .. args]);
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(p.ExitCode == 0, "medcard " + string.Join(' ', args) + " exited " + p.ExitCode);
    }

    /// <summary>Reads the process's output lines until one contains <paramref name="marker"/>; returns what follows it.</summary>
    private async Task<string> LineAsync(Process process, string marker)
    {
        System.Threading.Channels.Channel<string?> lines = _lines[process.Id];
        while (true)
        {
            string? line = await lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(line is not null, "the process ended before printing '" + marker + "'");
            output.WriteLine(line);
            int at = line!.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return line[(at + marker.Length)..];
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
