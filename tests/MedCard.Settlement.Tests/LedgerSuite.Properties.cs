using System;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using MedCard.Settlement.Tests.Infrastructure;
using MedCard.Settlement.Tests.Properties;

namespace MedCard.Settlement.Tests;

public abstract partial class LedgerSuite
{
    /// <summary>Histories per run; MEDCARD_PROPERTY_RUNS raises it for a soak.</summary>
    private static int PropertyRuns =>
        int.TryParse(Environment.GetEnvironmentVariable("MEDCARD_PROPERTY_RUNS"), out int n) && n > 0 ? n : 12;

    /// <summary>
    /// Random histories of enrol, settle (all visit types, both institutions, right and wrong PINs, with and
    /// without a relative), bursts towards the 60-record limit, refunds, loss report/cancel/replace,
    /// settlement on replaced cards, family bind/unbind, printing, PIN reset/change, loss-period claims and
    /// contributions: each on a fresh ledger, checked step by step against the rules and audited at the end.
    /// </summary>
    [StoreFact]
    public async Task Random_histories_conserve_money_and_keep_every_card_rule()
    {
        Property property = Prop.ForAll(LedgerOp.Histories, ops =>
        {
            // FsCheck 3 drives properties synchronously. This runs on a pool thread (Task.Run below), with no
            // synchronization context to deadlock on, and the ledger code awaits with ConfigureAwait(false).
            RunHistoryAsync(ops).GetAwaiter().GetResult();
        });

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(PropertyRuns).WithEndSize(80), property));
    }

    private async Task RunHistoryAsync(LedgerOp[] ops)
    {
        await using TestLedger ledger = await NewLedgerAsync();
        await LedgerModelRunner.RunAsync(ledger, ops);
    }
}
