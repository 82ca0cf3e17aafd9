using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// Runs `medcard` in-process against a private SQLite file in a private temp folder (deleted on dispose).
/// <see cref="SeedAsync"/> sets up the usual scheme: four policies, a designated hospital and pharmacy, a
/// non-designated clinic, simulated reader 1, and two enrolled holders.
/// </summary>
public sealed class CliHarness : IAsyncLifetime
{
    // Valid resident IDs (ISO 7064 MOD 11-2 check character computed independently).
    public const string HolderId = "110101198503074516";
    public const string SpouseId = "110101198705123021";
    public const string HolderEmployer = "Beijing Metro Works";
    public const string SpouseEmployer = "Haidian No.2 Primary School";
    public const string HolderCard = "MC0001";
    public const string SpouseCard = "MC0002";
    public const string HolderPin = "123456";
    public const string SpousePin = "246810";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "medcard-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string Store => Path.Combine(Folder, "ledger.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection of another test: the OS temp cleaner gets it.
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs with --store pointing at this harness's file (unless the args name another store).</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        string[] full = args.Contains("--store") ? args : ["--store", Store, .. args];
        using var stdout = new StringWriter();
        return await RunAsync(stdout, args);
    }

    /// <summary>Runs like <see cref="RunAsync(string[])"/> with <paramref name="stdout"/> as the tool's stdout (a pipe that
    /// breaks, say); the run's Out is what <paramref name="stdout"/> shows as text.</summary>
    public async Task<CliRun> RunAsync(TextWriter stdout, params string[] args)
    {
        string[] full = args.Contains("--store") ? args : ["--store", Store, .. args];
        using var stderr = new StringWriter();
        int exit = await MedCardCli.RunAsync(full, new CliIo(stdout, stderr, TextReader.Null, OutputIsTerminal: false), CancellationToken.None);
        return new CliRun(exit, stdout.ToString() ?? string.Empty, stderr.ToString());
    }

    public async Task<CliRun> OkAsync(params string[] args)
    {
        CliRun run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    public async Task SeedAsync()
    {
        await OkAsync("policy", "set", "--visit", "outpatient", "--deductible", "100", "--copay", "30", "--cap", "20000");
        await OkAsync("policy", "set", "--visit", "inpatient", "--deductible", "1300", "--copay", "15", "--cap", "400000");
        await OkAsync("policy", "set", "--visit", "pharmacy", "--deductible", "0", "--copay", "30", "--cap", "20000");
        await OkAsync("policy", "set", "--visit", "emergency", "--deductible", "0", "--copay", "15", "--cap", "400000");
        await OkAsync("institution", "add", "--id", "H001", "--name", "City No.1 Hospital");
        await OkAsync("institution", "add", "--id", "P001", "--name", "Kangmei Pharmacy");
        await OkAsync("institution", "add", "--id", "C099", "--name", "Roadside Clinic", "--not-designated");
        await OkAsync("provision", "--reader", "1");
        await OkAsync("card", "enroll", "--id", HolderId, "--name", "Zhang Wei", "--gender", "male", "--employer", HolderEmployer, "--card", HolderCard, "--uid", "04A1B2C9",
            "--pin", HolderPin, "--balance", "100");
        await OkAsync("card", "enroll", "--id", SpouseId, "--name", "Li Na", "--gender", "female", "--employer", SpouseEmployer, "--card", SpouseCard, "--uid", "04D4E5F6",
            "--pin", SpousePin, "--balance", "2500");
    }

    /// <summary>Writes <paramref name="lines"/> to a file in the harness's folder; its full path.</summary>
    public async Task<string> WriteFileAsync(string name, params string[] lines)
    {
        string path = Path.Combine(Folder, name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    public async Task<long> BalanceFenAsync(string residentId) =>
        (await OkAsync("--json", "balance", "--id", residentId)).Json.GetProperty("balanceFen").GetInt64();
}
