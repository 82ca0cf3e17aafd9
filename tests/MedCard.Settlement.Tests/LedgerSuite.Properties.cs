using System;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using MedCard.Settlement.Tests.Infrastructure;
using MedCard.Settlement.Tests.Properties;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.Settlement.Tests;

public abstract partial class LedgerSuite
{
    /// <summary>History steps one run makes on this store when MEDCARD_HISTORY_OPERATIONS is not set.</summary>
    protected abstract int DefaultHistoryOperations { get; }

    /// <summary>Where the history property reports how many steps it ran (xunit's per-test output).</summary>
    protected abstract ITestOutputHelper? Output { get; }

    /// <summary>History steps per run on this store: MEDCARD_HISTORY_OPERATIONS (for both stores) or the store's default.</summary>
    private int HistoryOperations =>
        int.TryParse(Environment.GetEnvironmentVariable("MEDCARD_HISTORY_OPERATIONS"), out int n) && n > 0 ? n : DefaultHistoryOperations;

    /// <summary>
    /// Random histories of enrol, settle (all visit types, both institutions, right and wrong PINs, with and
    /// without a relative), bursts towards the 60-record limit, refunds, loss report/cancel/replace,
    /// settlement on replaced cards, family bind/unbind, printing, PIN reset/change, loss-period claims and
    /// contributions: each on a fresh ledger, checked step by step against the rules (and, after every step, money,
    /// the 60-record rule and the PIN tries against the stored rows) and audited at the end. The run makes
    /// <see cref="HistoryOperations"/> steps in histories of <see cref="LedgerOp.HistoryLength"/>.
    /// </summary>
    [StoreFact]
    public async Task Random_histories_conserve_money_and_keep_every_card_rule()
    {
        int target = HistoryOperations;
        int histories = (target + LedgerOp.HistoryLength - 1) / LedgerOp.HistoryLength;
        long steps = 0, ledgerCalls = 0;
        Property property = Prop.ForAll(LedgerOp.Histories, ops =>
        {
            // FsCheck 3 drives properties synchronously. This runs on a pool thread (Task.Run below), with no
            // synchronization context to deadlock on, and the ledger code awaits with ConfigureAwait(false).
            HistoryFigures run = RunHistoryAsync(ops).GetAwaiter().GetResult();
            Interlocked.Add(ref steps, run.Steps);
            Interlocked.Add(ref ledgerCalls, run.LedgerCalls);
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(histories), property));
        Output?.WriteLine(histories + " histories, " + steps + " steps (" + ledgerCalls + " ledger operations), "
            + clock.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s");
        Assert.True(steps >= target, steps + " steps run, " + target + " asked for");
    }

    private async Task<HistoryFigures> RunHistoryAsync(LedgerOp[] ops)
    {
        await using TestLedger ledger = await NewLedgerAsync();
        return await LedgerModelRunner.RunAsync(ledger, ops);
    }
}
