using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Tests;
using MedCard.LoadTest;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.Checkout.Tests;

/// <summary>
/// The many-host load test (tests/MedCard.LoadTest) at N = 8 for a few seconds: eight host processes, each with its own
/// simulated reader, settle at once against one private PostgreSQL server with family payments, emergencies, refunds,
/// loss reports, replacements and month-end credit runs mixed in. Afterwards the ledger audit passes, no balance is
/// negative, every balance equals its postings, no counter is settled twice, every signed record is settled, refused or
/// voided, no person is credited twice for a month and each credit's entry sums to zero, and no host step failed. The figures are printed,
/// never asserted (the machine is shared).
/// </summary>
public sealed class LoadTestTests(ITestOutputHelper output)
{
    /// <summary>The window: MEDCARD_LOAD_SECONDS, else 5 s.</summary>
    private static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("MEDCARD_LOAD_SECONDS"), out int s) && s > 0 ? s : 5;

    [PostgresFact]
    public async Task Eight_hosts_settling_at_once_keep_every_ledger_invariant()
    {
        string work = Path.Combine(Path.GetTempPath(), "medcard-load-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            await using PrivatePostgresServer server = await PrivatePostgresServer.StartAsync(PostgresFactAttribute.BinFolder()!, CancellationToken.None);
            LoadFigures f = await LoadRun.RunAsync(server, work, hosts: 8, readersPerHost: 1, TimeSpan.FromSeconds(Seconds), seed: 13, output.WriteLine,
                CancellationToken.None);
            output.WriteLine(LoadReport.Header);
            output.WriteLine(LoadReport.Line(f, f));
            output.WriteLine(LoadReport.Refusals(f));

            Assert.Empty(f.Violations);
            Assert.Equal(0, f.Errors);
            Assert.True(f.Settled > 0, "nothing settled");
            // Every reader starts with one step of each kind, so each kind ran on all eight hosts.
            Assert.True(f.LossReports >= 16, f.LossReports + " loss reports");
            Assert.True(f.Replacements >= 8, f.Replacements + " replacements");
            Assert.True(f.FamilyPayments > 0, "no family payment");
            output.WriteLine(LoadReport.Credits(f));
            Assert.True(f.Credits.Runs >= 8, f.Credits.Runs + " credit runs");
            Assert.True(f.Credits.Credited > 0, "no one credited");
            Assert.Equal(0, f.Credits.Failed);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
