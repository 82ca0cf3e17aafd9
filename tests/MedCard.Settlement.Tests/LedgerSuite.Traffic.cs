using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>What a settlement sends to the store (<see cref="LedgerTraffic"/>, the store's own count): the figures the
/// Settlement README's performance section gives. A change that adds a round trip or a statement fails here first.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_settlement_is_one_read_batch_then_its_writes_with_the_commit()
    {
        await using TestLedger l = await NewLedgerAsync();
        var store = (SqlLedgerStore)l.Store;
        bool postgres = store.Kind == "postgresql";
        TestLedger.Holder parent = await l.EnrolAsync(100_00, "Parent");
        TestLedger.Holder child = await l.EnrolAsync(10_00, "Child");
        Assert.True((await l.Desk.BindRelativeAsync(parent.ResidentId, child.ResidentId, Relation.Child, Ct)).Succeeded);

        // Own account only, then a family payment (the relative is locked and the binding read in the same first batch), then
        // a wrong PIN (a stored refusal).
        (long statements, long roundTrips, long commits) own = await CountAsync(store, () => l.SettleAsync(child, 5_00, VisitType.Pharmacy));
        (long statements, long roundTrips, long commits) family = await CountAsync(store,
            () => l.SettleAsync(child, 200_00, VisitType.Pharmacy, relative: parent.ResidentId));
        SettlementOutcome? refused = null;
        VerifiedTransaction wrongRecord = l.Record(parent.CardNumber, parent.Uid, 10_00);
        (long statements, long roundTrips, long commits) wrongPin = await CountAsync(store, async () =>
            refused = await SettleRecordAsync(l, wrongRecord, TestLedger.Covered(10_00), [9, 9, 9, 9, 9, 9]));

        // The same record delivered again: only then is the stored answer read, one statement (a round trip) more.
        SettlementOutcome? again = null;
        (long statements, long roundTrips, long commits) duplicate = await CountAsync(store, async () =>
            again = await SettleRecordAsync(l, wrongRecord, TestLedger.Covered(10_00), [9, 9, 9, 9, 9, 9]));

        // SQLite runs in process: every statement is its own call, the COMMIT one more. PostgreSQL: the reads in one
        // batch, the writes with the COMMIT in a second.
        Assert.Equal(postgres ? (14, 2, 1) : (13, 14, 1), own);
        // A family payment reads the binding (in the same first batch) and moves the relative's balance too.
        Assert.Equal(postgres ? (16, 2, 1) : (15, 16, 1), family);
        Assert.Equal(1, wrongPin.commits);
        Assert.Equal(postgres ? 2 : wrongPin.statements + 1, wrongPin.roundTrips);
        Assert.Equal(ReasonCode.PinWrong, refused!.Refusal!.Code);
        Assert.True(again!.Duplicate);
        Assert.Equal(ReasonCode.PinWrong, again.Refusal!.Code);
        Assert.Equal(postgres ? (6, 3, 1) : (6, 7, 1), duplicate);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task An_account_total_is_the_sum_of_its_postings_without_the_account_index()
    {
        // Schema 7 dropped the postings' index by account: a total is a scan now, and still the sum.
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        SettlementOutcome first = await l.SettleAsync(h, 300_00);
        SettlementOutcome second = await l.SettleAsync(h, 50_00, VisitType.Pharmacy);
        Assert.True(first.Settled && second.Settled);
        long institution = await l.Store.InTransactionAsync((s, _) => s.GetAccountTotalAsync(LedgerAccounts.Institution(TestLedger.Hospital)), Ct);
        long personal = await l.Store.InTransactionAsync((s, _) => s.GetAccountTotalAsync(LedgerAccounts.Personal(h.ResidentId)), Ct);
        Assert.Equal(350_00, institution);
        Assert.Equal(-(first.OwnAccount + second.OwnAccount), personal - 100_00);
    }

    private static async Task<(long Statements, long RoundTrips, long Commits)> CountAsync(SqlLedgerStore store, System.Func<Task<SettlementOutcome>> settle)
    {
        long statements = store.Traffic.Statements, roundTrips = store.Traffic.RoundTrips, commits = store.Traffic.Commits;
        SettlementOutcome outcome = await settle();
        Assert.NotNull(outcome.Record); // settled or a stored refusal: every one of them writes and commits
        return (store.Traffic.Statements - statements, store.Traffic.RoundTrips - roundTrips, store.Traffic.Commits - commits);
    }
}
