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

        string pdf = PdfText(StatementPdfRenderer.Render(printed));
        Assert.Contains("Page 2 of 2", pdf); // 60 rows paginate, and every page says of how many
        Assert.Contains("60 records", pdf);
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

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [StoreFact]
    public async Task A_statement_shows_credits_and_spends_and_prints_a_chinese_name_in_the_pdf()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(0, "张伟");
        Assert.True((await new MedCard.Settlement.Credits.AccountCreditRun(l.Store).RunAsync(new MedCard.Settlement.Credits.CreditMonth(2026, 11),
            [new MedCard.Settlement.Credits.AccountCredit(2, h.ResidentId, 350_00)], Ct)).Succeeded);
        SettlementOutcome spend = await l.SettleAsync(h, 123_45, VisitType.Pharmacy, time: new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero));
        Assert.True(spend.Settled);

        Statement statement = (await l.Desk.PrintStatementAsync(h.CardNumber, Ct))!;
        Assert.Single(statement.Credits);
        Assert.Single(statement.Records);

        string text = StatementTextRenderer.Render(statement);
        Assert.Contains("Month-end credit 2026-11", text);
        Assert.Contains("+350.00", text);
        Assert.Contains("2026-12-01 09:30", text); // 01:30 UTC is 09:30 in China Standard Time
        Assert.Contains("China Standard Time (UTC+08:00)", text);
        Assert.Contains("City Hospital", text);
        Assert.Contains(spend.Record!.ReaderId + "/" + spend.Record.Counter, text);
        Assert.Contains("1 record", text);
        Assert.DoesNotContain("1 records", text);
        // Amounts are right-aligned: the total ends where its column header ends.
        string[] lines = text.Split('\n');
        string header = lines.First(x => x.StartsWith("Time", StringComparison.Ordinal) && x.Contains("Total", StringComparison.Ordinal));
        string row = lines.First(x => x.Contains("City Hospital", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("Total", StringComparison.Ordinal) + "Total".Length, row.IndexOf("123.45", StringComparison.Ordinal) + "123.45".Length);

        string pdf = PdfText(StatementPdfRenderer.Render(statement));
        Assert.Contains("张伟", pdf);
        Assert.Contains("Page 1 of 1", pdf);
        Assert.Contains("City Hospital", pdf);
        Assert.Contains("+350.00", pdf);
        Assert.Contains("1 record", pdf);

        // Printed once: the credit is not on the next statement, and the history still has it.
        Assert.True((await l.Desk.PrintStatementAsync(h.CardNumber, Ct))!.IsEmpty);
        Assert.Contains((await l.Desk.GetHistoryAsync(h.CardNumber, cancellationToken: Ct))!, x => x.Kind == HistoryKind.AccountCredit && x.StatementId is not null);
    }
}
