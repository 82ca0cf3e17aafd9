using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The holder's transaction history: printing clears the 60-record count, not the history.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Printing_a_statement_keeps_every_transaction_in_the_history()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00);
        Assert.True((await new AccountCreditRun(l.Store).RunAsync(November, [new AccountCredit(2, h.ResidentId, 350_00)], Ct)).Succeeded);
        SettlementOutcome first = await l.SettleAsync(h, 200_00, time: TestLedger.Day);
        SettlementOutcome second = await l.SettleAsync(h, 80_00, VisitType.Pharmacy, time: TestLedger.Day.AddDays(3));
        Assert.True(first.Settled && second.Settled);
        Assert.True((await l.Settlement.RefundAsync(second.Record!.ReaderId, second.Record.Counter, Ct)).Succeeded);

        Assert.NotNull(await l.Desk.PrintStatementAsync(h.CardNumber, Ct));
        Assert.Equal(0, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);

        List<HistoryLine> history = (await l.Desk.GetHistoryAsync(h.CardNumber, cancellationToken: Ct))!;
        Assert.Equal(
            [HistoryKind.Contribution, HistoryKind.AccountCredit, HistoryKind.Spend, HistoryKind.Spend, HistoryKind.Refund],
            history.OrderBy(x => x.Kind).Select(x => x.Kind));
        HistoryLine spend = history.First(x => x.Kind == HistoryKind.Spend);
        Assert.Equal((TestLedger.Hospital, "City Hospital", first.Record!.ReaderId, first.Record.Counter),
            (spend.InstitutionId, spend.InstitutionName, spend.ReaderId!.Value, spend.Counter!.Value));
        Assert.Equal(200_00, spend.Total);
        Assert.NotNull(spend.StatementId); // printed, and still here
        Assert.Equal(-spend.Personal, spend.AccountChange);

        // The account changes in the history add up to the balance.
        Assert.Equal(await l.BalanceAsync(h.ResidentId), history.Sum(x => x.AccountChange));

        // A time window keeps only what happened in it.
        List<HistoryLine> window = (await l.Desk.GetHistoryAsync(h.CardNumber, TestLedger.Day.AddDays(2), TestLedger.Day.AddDays(4), Ct))!;
        Assert.Equal(HistoryKind.Spend, Assert.Single(window).Kind);
        Assert.Null(await l.Desk.GetHistoryAsync("NOSUCHCARD", cancellationToken: Ct));
    }

    [StoreFact]
    public async Task A_loss_period_reimbursement_is_in_the_history_of_the_replacement_card()
    {
        await using TestLedger l = await NewLedgerAsync();
        (TestLedger.Holder h, LossPeriodClaim claim) = await LostAndReplacedAsync(l, "N2", [9, 8, 7, 2], "RCPT-H");
        ClaimResult paid = await l.Settlement.ReimburseLossPeriodAsync(claim, Ct);
        Assert.True(paid.Succeeded);
        HistoryLine line = Assert.Single((await l.Desk.GetHistoryAsync("N2", cancellationToken: Ct))!, x => x.Kind == HistoryKind.Reimbursement);
        Assert.Equal((h.CardNumber, paid.Reimbursed, "RCPT-H"), (line.CardNumber, line.Fund, line.Reference));
    }
}
