using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
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

    /// <summary>
    /// Settlements, refunds, contributions and loss report/cancel cycles all at once on the same people:
    /// exercises the lock order between settlement (card, persons, accumulator) and refund (persons,
    /// accumulator) and the hotlist version race. Every balance must equal its opening plus contributions
    /// minus what was spent and not refunded.
    /// </summary>
    [StoreFact]
    public async Task Mixed_parallel_settlements_refunds_contributions_and_loss_reports_keep_the_books()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder payer = await l.EnrolAsync(300_00, "Shared payer");
        TestLedger.Holder a = await l.EnrolAsync(50_00);
        TestLedger.Holder b = await l.EnrolAsync(50_00);
        await l.Desk.BindRelativeAsync(payer.ResidentId, a.ResidentId, Relation.Spouse, Ct);
        await l.Desk.BindRelativeAsync(payer.ResidentId, b.ResidentId, Relation.Parent, Ct);
        TestLedger.Holder[] holders = [payer, a, b];

        var settled = new ConcurrentQueue<SettlementOutcome>();
        var refunded = new ConcurrentDictionary<(uint, uint), SettlementOutcome>();
        var credited = new ConcurrentDictionary<string, long>();
        using var stop = new System.Threading.CancellationTokenSource();

        Task Settler(int k) => Task.Run(async () =>
        {
            var random = new Random(k);
            for (int i = 0; i < 30; i++)
            {
                // Two settlers per card: more than 3 PIN checks in flight on one card would be refused as
                // blocked (the try counter counts attempts in flight; see the library README).
                TestLedger.Holder h = holders[k % 3];
                VisitType visit = i % 5 == 0 ? VisitType.Emergency : VisitType.Pharmacy;
                SettlementOutcome o = await l.SettleAsync(h, random.Next(1_00, 150_00), visit,
                    relative: h == payer ? null : payer.ResidentId, reader: (uint)(200 + k));
                if (o.Settled)
                {
                    settled.Enqueue(o);
                }
                else
                {
                    Assert.Equal(ReasonCode.CardReportedLost, o.Refusal!.Code);
                }
            }
        });

        Task Refunder() => Task.Run(async () =>
        {
            // Runs alongside the others; after they stop it still refunds until a few refunds exist (on
            // SQLite the pool threads can be busy with the writers the whole time).
            while (!stop.IsCancellationRequested || refunded.Count < 5)
            {
                if (!settled.TryDequeue(out SettlementOutcome? o))
                {
                    if (stop.IsCancellationRequested)
                    {
                        break;
                    }
                }
                else
                {
                    RefundResult r = await l.Settlement.RefundAsync(o.Record!.ReaderId, o.Record.Counter, Ct);
                    Assert.True(r.Succeeded && !r.AlreadyRefunded);
                    refunded[(o.Record.ReaderId, o.Record.Counter)] = o;
                }

                await Task.Yield();
            }
        });

        Task Contributor() => Task.Run(async () =>
        {
            for (int i = 0; i < 40; i++)
            {
                TestLedger.Holder h = holders[i % 3];
                Assert.True((await l.Desk.CreditPersonalAccountAsync(h.ResidentId, 7_00, "mix-" + i, Ct)).Succeeded);
                credited.AddOrUpdate(h.ResidentId, 7_00, (_, v) => v + 7_00);
            }
        });

        Task LossCycler() => Task.Run(async () =>
        {
            for (int i = 0; i < 10; i++)
            {
                Assert.True((await l.Desk.ReportLossAsync(new LossReport(b.CardNumber, b.Name, b.ResidentId, LossChannel.Phone, TestLedger.Day) { Employer = TestLedger.Employer }, Ct))
                    .Succeeded);
                Assert.True((await l.Desk.CancelLossReportAsync(b.CardNumber, b.ResidentId, Ct)).Succeeded);
            }
        });

        Task[] refunders = [Refunder(), Refunder()];
        Task[] workers = [.. Enumerable.Range(0, 6).Select(Settler), Contributor(), LossCycler()];
        await Task.WhenAll(workers);
        await stop.CancelAsync();
        await Task.WhenAll(refunders);

        var kept = settled.ToArray();
        foreach (TestLedger.Holder h in holders)
        {
            long opening = h == payer ? 300_00 : 50_00;
            long spent = kept.Where(o => o.Record!.ResidentId == h.ResidentId).Sum(o => o.OwnAccount)
                + kept.Where(o => o.Record!.RelativeId == h.ResidentId).Sum(o => o.RelativeAccount);
            Assert.Equal(opening + credited.GetValueOrDefault(h.ResidentId) - spent, await l.BalanceAsync(h.ResidentId));
        }

        Assert.NotEmpty(refunded);
        Assert.Equal(20, (await l.Desk.GetHotlistChangesAsync(0, Ct)).Count);
        Assert.DoesNotContain(b.CardNumber, (await l.Desk.GetHotlistAsync(Ct)).CardNumbers);
        await l.AssertAuditOkAsync();
    }
}
