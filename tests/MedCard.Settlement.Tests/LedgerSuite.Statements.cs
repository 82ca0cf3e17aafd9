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

/// <summary>The 60-record limit and statements.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task Sixty_unprinted_records_stop_the_card_until_printed_and_printing_again_prints_nothing()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(10_000_00);
        for (int i = 0; i < CardRules.UnprintedRecordLimit; i++)
        {
            Assert.True((await l.SettleAsync(h, 1_00 + i)).Settled);
        }

        SettlementOutcome stopped = await l.SettleAsync(h, 5_00);
        Assert.Equal(ReasonCode.UnprintedRecordLimit, stopped.Refusal!.Code);
        Assert.Equal(ReasonCode.UnprintedRecordLimit, (await l.SettleAsync(h, 5_00, VisitType.Emergency)).Refusal!.Code);

        Statement? printed = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.NotNull(printed);
        Assert.Equal(CardRules.UnprintedRecordLimit, printed.Records.Count);
        Assert.NotNull(printed.StatementId);
        Assert.Equal(Enumerable.Range(0, 60).Sum(i => 1_00L + i), printed.Total);
        Assert.Equal(0, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.UnprintedCount);

        string pdf = System.Text.Encoding.Latin1.GetString(StatementPdfRenderer.Render(printed));
        int pages = System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type\s*/Page(?!s)").Count;
        Assert.True(pages >= 2, "60 rows should paginate, got " + pages + " page(s)");
        Assert.Equal(62, StatementTextRenderer.Render(printed).Split('\n').Count(line => line.Length > 0) - 3);

        Statement? again = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.True(again!.IsEmpty);
        Assert.Null(again.StatementId);

        Assert.True((await l.SettleAsync(h, 5_00)).Settled);
        Statement? next = await l.Desk.PrintStatementAsync(h.CardNumber, Ct);
        Assert.Single(next!.Records);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task Statements_render_as_text_and_pdf()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(100_00, "Li Lei");
        await l.SettleAsync(h, 123_45, VisitType.Pharmacy);
        Statement statement = (await l.Desk.PrintStatementAsync(h.CardNumber, Ct))!;

        string text = StatementTextRenderer.Render(statement);
        Assert.Contains("Li Lei", text);
        Assert.Contains("123.45", text);
        Assert.DoesNotContain(h.ResidentId, text);

        // PDFsharp 6.2.4 (MIT) renders without any licence call: nothing is set up for it here.
        byte[] pdf = StatementPdfRenderer.Render(statement);
        Assert.True(pdf.Length > 500);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }
}
