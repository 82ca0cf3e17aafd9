using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Tests;
using MedCard.LoadTest;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Npgsql;
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

    /// <summary>
    /// The credit invariants can fail: on a set-up ledger with one real month-end credit they hold; a credit the runs did
    /// not report, and an extra posting on the credit's entry (its postings no longer sum to zero, the balance no longer
    /// equals the postings), are each found.
    /// </summary>
    [PostgresFact]
    public async Task The_credit_invariants_find_an_unreported_credit_and_an_unbalanced_credit_entry()
    {
        string work = Path.Combine(Path.GetTempPath(), "medcard-load-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            await using PrivatePostgresServer server = await PrivatePostgresServer.StartAsync(PostgresFactAttribute.BinFolder()!, CancellationToken.None);
            await server.CreateDatabaseAsync("credits", CancellationToken.None);
            string connection = server.ConnectionString("credits");
            var plan = new LoadPlan(1, 1, Path.Combine(work, "readers"));
            await using var store = new PostgresLedgerStore(connection);
            using PinKeyFile keys = PinKeyFile.OpenOrCreate(Path.Combine(work, "pin-keys"));
            var options = new LedgerOptions { PinKeys = keys };
            await LoadLedger.SetUpAsync(store, options, plan, CancellationToken.None);
            string person = plan.Enrolled()[0];
            CreditMonth month = LoadPlan.CreditMonthAt(0);
            long amount = LoadPlan.CreditAmount(person, month);
            CreditRunResult run = await new AccountCreditRun(store, options).RunAsync(month, [new AccountCredit(1, person, amount)]);
            Assert.Equal(1, run.Credited);

            var reported = new HostReport { Credited = 1, CreditedFen = amount };
            Assert.Empty(await LedgerInvariants.VerifyAsync(store, connection, plan, [reported], CancellationToken.None));

            var silent = new HostReport();
            Assert.Contains(await LedgerInvariants.VerifyAsync(store, connection, plan, [silent], CancellationToken.None),
                v => v.Contains("the credit runs reported 0", StringComparison.Ordinal));

            await using (var db = new NpgsqlConnection(connection))
            {
                await db.OpenAsync();
                await using var extra = new NpgsqlCommand(
                    "INSERT INTO postings (entry_id, line, account, amount) SELECT entry_id, 2, 'personal:' || resident_id, 1 FROM account_credits", db);
                Assert.Equal(1, await extra.ExecuteNonQueryAsync());
            }

            var found = await LedgerInvariants.VerifyAsync(store, connection, plan, [reported], CancellationToken.None);
            Assert.Contains(found, v => v.Contains("credit(s) whose entry is not two postings summing to zero", StringComparison.Ordinal));
            Assert.Contains(found, v => v.Contains("balance(s) not equal to their account's postings", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
