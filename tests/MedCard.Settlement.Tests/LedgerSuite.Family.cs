using System;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Family co-use and refunds.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_relative_pays_only_with_a_binding_and_only_after_the_own_account()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder parent = await l.EnrolAsync(100_00, "Parent");
        TestLedger.Holder child = await l.EnrolAsync(10_00, "Child");

        SettlementOutcome unbound = await l.SettleAsync(child, 200_00, VisitType.Pharmacy, relative: parent.ResidentId);
        Assert.Equal(ReasonCode.RelativeNotBound, unbound.Refusal!.Code);

        // The parent's account pays for the child (the child is the parent's Child).
        Assert.True((await l.Desk.BindRelativeAsync(parent.ResidentId, child.ResidentId, Relation.Child, Ct)).Succeeded);
        Assert.Equal(ReasonCode.AlreadyExists,
            (await l.Desk.BindRelativeAsync(parent.ResidentId, child.ResidentId, Relation.Child, Ct)).Refusal!.Code);

        // Pharmacy: no deductible, 20 % co-payment: fund 160.00, out of pocket 40.00 = 10.00 own + 30.00 parent.
        SettlementOutcome o = await l.SettleAsync(child, 200_00, VisitType.Pharmacy, relative: parent.ResidentId);
        Assert.True(o.Settled, o.ToString());
        Assert.Equal(160_00, o.Fund);
        Assert.Equal(10_00, o.OwnAccount);
        Assert.Equal(30_00, o.RelativeAccount);
        Assert.Equal(0, o.Cash);
        Assert.Equal(70_00, await l.BalanceAsync(parent.ResidentId));

        // The binding is one-way: the child's account may not pay for the parent.
        Assert.Equal(ReasonCode.RelativeNotBound,
            (await l.SettleAsync(parent, 10_00, VisitType.Pharmacy, relative: child.ResidentId)).Refusal!.Code);

        Assert.True((await l.Desk.UnbindRelativeAsync(parent.ResidentId, child.ResidentId, Ct)).Succeeded);
        Assert.Equal(ReasonCode.RelativeNotBound,
            (await l.SettleAsync(child, 10_00, VisitType.Pharmacy, relative: parent.ResidentId)).Refusal!.Code);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Refund_restores_balances_and_accumulators_once()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder parent = await l.EnrolAsync(100_00);
        TestLedger.Holder h = await l.EnrolAsync(20_00);
        await l.Desk.BindRelativeAsync(parent.ResidentId, h.ResidentId, Relation.Child, Ct);
        SettlementOutcome o = await l.SettleAsync(h, 600_00, relative: parent.ResidentId);
        Assert.True(o.Settled);
        Assert.True(o.RelativeAccount > 0);

        RefundResult refund = await l.Settlement.RefundAsync(o.Record!.ReaderId, o.Record.Counter, Ct);
        Assert.True(refund.Succeeded);
        Assert.False(refund.AlreadyRefunded);
        Assert.Equal(0, refund.Postings.Sum(p => p.Amount));
        Assert.Equal(20_00, await l.BalanceAsync(h.ResidentId));
        Assert.Equal(100_00, await l.BalanceAsync(parent.ResidentId));
        Accumulator ytd = await l.Desk.GetAccumulatorAsync(h.ResidentId, 2026, VisitType.Outpatient, Ct);
        Assert.Equal(0, ytd.DeductibleMet);
        Assert.Equal(0, ytd.FundPaid);

        RefundResult twice = await l.Settlement.RefundAsync(o.Record.ReaderId, o.Record.Counter, Ct);
        Assert.True(twice.AlreadyRefunded);
        Assert.Equal(100_00, await l.BalanceAsync(parent.ResidentId));
        Assert.Equal(ReasonCode.UnknownSettlement, (await l.Settlement.RefundAsync(77, 1, Ct)).Refusal!.Code);

        Statement? statement = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.True(statement!.Records.Single().Refunded);
        await l.AssertAuditOkAsync();
    }
}
