using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;

namespace MedCard.LoadTest;

/// <summary>What one load run with N hosts did and found.</summary>
public sealed record LoadFigures(int Hosts, int ReadersPerHost, double Seconds, long Checkouts, long Settled, long FamilyPayments, long Refunds,
    long LossReports, long Replacements, long Statements, long Refused, long Retries, long Deadlocks, int LoggedLockWaits, double MeanWaiting,
    long MostWaiting, long Errors, long StartedLateMs, double HostCpuMs, double ServerCpuMs, long WalBytes, IReadOnlyDictionary<string, long> RefusedBy,
    IReadOnlyList<string> Violations, CreditFigures Credits)
{
    public double SettlementsPerSecond => Settled / Seconds;

    /// <summary>CPU per settled purchase in the host processes (simulated readers included), ms.</summary>
    public double HostCpuPerSettlement => Settled == 0 ? 0 : HostCpuMs / Settled;

    /// <summary>CPU per settled purchase in PostgreSQL (all backends of the run, refusals, refunds and desk work included), ms.</summary>
    public double ServerCpuPerSettlement => Settled == 0 ? 0 : ServerCpuMs / Settled;

    /// <summary>Write-ahead log per settled purchase (everything else of the run included), bytes.</summary>
    public double WalBytesPerSettlement => Settled == 0 ? 0 : (double)WalBytes / Settled;
}

/// <summary>
/// One run: a fresh database on the private server, the ledger set up (<see cref="LoadLedger"/>), N host processes of this
/// program started with an agreed start a few seconds ahead (so start-up is not measured), pg_locks sampled while they
/// run, their reports collected and the invariants checked (<see cref="LedgerInvariants"/>).
/// </summary>
public static class LoadRun
{
    public static async Task<LoadFigures> RunAsync(PrivatePostgresServer server, string workFolder, int hosts, int readersPerHost, TimeSpan window,
        int seed, Action<string> log, CancellationToken ct, bool direct = false)
    {
        await LockWatch.EnableAsync(server, ct).ConfigureAwait(false);
        string database = "load_" + hosts + "_" + Guid.NewGuid().ToString("N")[..6];
        await server.CreateDatabaseAsync(database, ct).ConfigureAwait(false);
        string connection = server.ConnectionString(database);
        string run = Path.Combine(workFolder, database);
        Directory.CreateDirectory(run);
        string keyFile = Path.Combine(run, "pin-keys");
        var plan = new LoadPlan(hosts, readersPerHost, Path.Combine(run, "readers"), direct);
        await using var store = new PostgresLedgerStore(connection);
        using (PinKeyFile keys = PinKeyFile.OpenOrCreate(keyFile))
        {
            await LoadLedger.SetUpAsync(store, new LedgerOptions { PinKeys = keys }, plan, ct).ConfigureAwait(false);
        }

        Npgsql.NpgsqlConnection.ClearAllPools(); // the set-up's backends end now, so the CPU reading below is the run's
        LockWatch locks = LockWatch.Start(server, database);
        double serverCpuBefore = await ServerCpu.ReadMsAsync(server, ct).ConfigureAwait(false);
        long walBefore = await ServerCpu.WalPositionAsync(server, ct).ConfigureAwait(false);
        // Start-up of N .NET processes on a loaded machine takes seconds; the window starts once they are all up.
        DateTimeOffset startAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3 + hosts);
        var processes = new List<Task<HostReport>>();
        for (int h = 0; h < hosts; h++)
        {
            var arguments = new HostProcess.Arguments(connection, keyFile, plan, h, startAt, window, seed);
            processes.Add(RunHostAsync(arguments, log, ct));
        }

        using var stopSampling = new CancellationTokenSource();
        Task<(int Samples, int WithWaiters, long MostWaiting, long WaiterSamples)> sampling = SampleFromAsync(locks, startAt, stopSampling.Token);
        HostReport[] reports;
        try
        {
            reports = await Task.WhenAll(processes).ConfigureAwait(false);
        }
        finally
        {
            await stopSampling.CancelAsync().ConfigureAwait(false);
        }

        var sampled = await sampling.ConfigureAwait(false);
        double serverCpu = await ServerCpu.ReadMsAsync(server, ct).ConfigureAwait(false) - serverCpuBefore;
        long wal = await ServerCpu.WalPositionAsync(server, ct).ConfigureAwait(false) - walBefore;
        List<string> violations = await LedgerInvariants.VerifyAsync(store, connection, plan, reports, ct).ConfigureAwait(false);
        double seconds = reports.Max(r => r.Seconds);
        return new LoadFigures(hosts, readersPerHost, seconds, reports.Sum(r => r.Checkouts), reports.Sum(r => r.Settled), reports.Sum(r => r.FamilyPayments),
            reports.Sum(r => r.Refunds), reports.Sum(r => r.LossReports), reports.Sum(r => r.Replacements), reports.Sum(r => r.Statements),
            reports.Sum(r => r.Refused.Values.Sum()), reports.Sum(r => r.Retries), await locks.DeadlocksAsync(ct).ConfigureAwait(false), locks.LoggedWaits(),
            sampled.Samples == 0 ? 0 : (double)sampled.WaiterSamples / sampled.Samples, sampled.MostWaiting, reports.Sum(r => r.Errors),
            reports.Max(r => r.StartedLateMs), reports.Sum(r => r.CpuMs), serverCpu, wal,
            reports.SelectMany(r => r.Refused).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
            violations, new CreditFigures(reports.Sum(r => r.CreditRuns), reports.Sum(r => r.Credited), reports.Sum(r => r.AlreadyCredited),
                reports.Sum(r => r.CreditedFen), reports.Sum(r => r.CreditFailures), reports.Sum(r => r.CreditRetries)));
    }

    private static async Task<(int, int, long, long)> SampleFromAsync(LockWatch locks, DateTimeOffset startAt, CancellationToken stop)
    {
        TimeSpan wait = startAt - DateTimeOffset.UtcNow;
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return (0, 0, 0, 0);
        }

        return await locks.SampleAsync(stop).ConfigureAwait(false);
    }

    /// <summary>Starts `dotnet MedCard.LoadTest.dll host ...` and reads its report (the last line of its output).</summary>
    private static async Task<HostReport> RunHostAsync(HostProcess.Arguments arguments, Action<string> log, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(LoadRun).Assembly.Location);
        foreach (string a in arguments.ToCommandLine())
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start a host process");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        string output = await stdout.ConfigureAwait(false);
        string errors = await stderr.ConfigureAwait(false);
        foreach (string line in errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(20))
        {
            log(line);
        }

        string? last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException("host " + arguments.Host + " exited " + process.ExitCode + ": " + errors.Trim());
        }

        return JsonSerializer.Deserialize<HostReport>(last) ?? throw new InvalidOperationException("host " + arguments.Host + " wrote no report");
    }
}
