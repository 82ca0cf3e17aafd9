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

/// <summary>Record checks: idempotency, replay, order, forgery, unknown cards.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Resubmitting_the_same_record_returns_the_same_outcome_and_debits_once()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        VerifiedTransaction tx = l.Record(h.CardNumber, h.Uid, 200_00);
        BillItem[] bill = TestLedger.Covered(200_00);

        SettlementOutcome first = await SettleRecordAsync(l, tx, bill);
        long afterFirst = await l.BalanceAsync(h.ResidentId);
        SettlementOutcome again = await SettleRecordAsync(l, tx, bill);

        Assert.True(first.Settled);
        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.OwnAccount, again.OwnAccount);
        Assert.Equal(afterFirst, await l.BalanceAsync(h.ResidentId));
        Assert.Equal(1, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Replayed_counter_out_of_order_and_forged_records_are_refused_and_gaps_flagged()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);
        VerifiedTransaction tx = l.Record(h.CardNumber, h.Uid, 200_00);
        Assert.True((await SettleRecordAsync(l, tx, TestLedger.Covered(200_00))).Settled);

        SettlementOutcome replay = await SettleRecordAsync(l, tx with { Amount = 10_00 }, TestLedger.Covered(10_00));
        Assert.Equal(ReasonCode.RecordReplayed, replay.Refusal!.Code);

        VerifiedTransaction jump = tx with { Counter = tx.Counter + 5 };
        SettlementOutcome gap = await SettleRecordAsync(l, jump, TestLedger.Covered(200_00));
        Assert.True(gap.Settled);
        Assert.Contains(gap.Explanation, s => s.Contains("counter gap of 4", StringComparison.Ordinal));

        SettlementOutcome late = await SettleRecordAsync(l, tx with { Counter = tx.Counter + 2 }, TestLedger.Covered(200_00));
        Assert.Equal(ReasonCode.RecordOutOfOrder, late.Refusal!.Code);

        SettlementOutcome wrongAmount = await SettleRecordAsync(l, tx with { Counter = jump.Counter + 1 }, TestLedger.Covered(199_99));
        Assert.Equal(ReasonCode.RecordForged, wrongAmount.Refusal!.Code);

        SettlementOutcome clonedUid = await SettleRecordAsync(l, tx with { Counter = jump.Counter + 2, CardUid = [9, 9, 9, 9] },
            TestLedger.Covered(200_00));
        Assert.Equal(ReasonCode.RecordForged, clonedUid.Refusal!.Code);
        Assert.Null(clonedUid.Record);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Unknown_card_is_refused_with_a_stable_code()
    {
        await using TestLedger l = await NewLedgerAsync();
        SettlementOutcome o = await l.SettleAsync("C-NOPE", [1, 2, 3, 4], TestLedger.Covered(10_00));
        Assert.Equal(ReasonCode.UnknownCard, o.Refusal!.Code);
        Assert.Equal("card.unknown", o.Refusal.Key);
        Assert.False(string.IsNullOrWhiteSpace(o.Refusal.Message));
    }
}
