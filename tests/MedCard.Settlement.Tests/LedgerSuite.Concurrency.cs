using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

public abstract partial class LedgerSuite
{
    /// <summary>
    /// 16 settlers in parallel, each its own reader, on 8 cards (two settlers per card) whose holders all
    /// draw on one shared family account. On PostgreSQL this exercises FOR UPDATE, SERIALIZABLE and the
    /// retry loop; on SQLite the single-writer lock. No lost update, no double spend.
    /// </summary>
    [StoreFact]
    public async Task Sixteen_parallel_settlers_on_shared_accounts_break_no_invariant()
    {
        const int Settlers = 16, PerSettler = 25, People = 8;
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder payer = await l.EnrolAsync(2_000_00, "Shared payer");
        var holders = new List<TestLedger.Holder> { payer };
        for (int i = 1; i < People; i++)
        {
            TestLedger.Holder h = await l.EnrolAsync(100_00);
            Assert.True((await l.Desk.BindRelativeAsync(payer.ResidentId, h.ResidentId, Relation.Child, Ct)).Succeeded);
            holders.Add(h);
        }

        var initial = new Dictionary<string, long>();
        foreach (TestLedger.Holder h in holders)
        {
            initial[h.ResidentId] = await l.BalanceAsync(h.ResidentId);
        }

        var outcomes = new ConcurrentBag<(TestLedger.Holder Holder, VisitType Visit, SettlementOutcome Outcome)>();
        await Task.WhenAll(Enumerable.Range(0, Settlers).Select(k => Task.Run(async () =>
        {
            var random = new Random(1000 + k);
            TestLedger.Holder h = holders[k % People];
            for (int i = 0; i < PerSettler; i++)
            {
                VisitType visit = random.Next(2) == 0 ? VisitType.Pharmacy : VisitType.Outpatient;
                SettlementOutcome o = await l.SettleAsync(h, random.Next(1_00, 400_00), visit,
                    relative: h == payer ? null : payer.ResidentId, reader: (uint)(100 + k));
                outcomes.Add((h, visit, o));
            }
        })));

        Assert.Equal(Settlers * PerSettler, outcomes.Count);
        Assert.All(outcomes, x => Assert.True(x.Outcome.Settled, x.Outcome.ToString()));
        Assert.All(outcomes, x => Assert.Equal(x.Outcome.Record!.Total, x.Outcome.Fund + x.Outcome.OwnAccount + x.Outcome.RelativeAccount
            + x.Outcome.Cash));

        foreach (TestLedger.Holder h in holders)
        {
            long spentOwn = outcomes.Where(x => x.Holder == h).Sum(x => x.Outcome.OwnAccount);
            long spentForOthers = outcomes.Where(x => x.Outcome.Record!.RelativeId == h.ResidentId).Sum(x => x.Outcome.RelativeAccount);
            long balance = await l.BalanceAsync(h.ResidentId);
            Assert.True(balance >= 0);
            Assert.Equal(initial[h.ResidentId] - spentOwn - spentForOthers, balance);
            foreach (VisitType visit in new[] { VisitType.Pharmacy, VisitType.Outpatient })
            {
                long fund = outcomes.Where(x => x.Holder == h && x.Visit == visit).Sum(x => x.Outcome.Fund);
                Assert.Equal(fund, (await l.Desk.GetAccumulatorAsync(h.ResidentId, 2026, visit, Ct)).FundPaid);
            }
        }

        // The shared account was drained, not overdrawn: the rest went to cash.
        Assert.Equal(0, await l.BalanceAsync(payer.ResidentId));
        Assert.Contains(outcomes, x => x.Outcome.Cash > 0);
        await l.AssertAuditOkAsync();
    }
}
