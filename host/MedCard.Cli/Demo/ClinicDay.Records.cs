using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Simulator.InProcess;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;

namespace MedCard.Cli.Demo;

internal sealed partial class ClinicDay
{
    private async Task IntegrityAsync(CancellationToken ct)
    {
        BillItem[] bill = [Covered("IBU", "Ibuprofen 200 mg", "12.50")];
        await SettleAsync("a record whose amount was changed after signing", ChenJie, Pharmacy, VisitType.Pharmacy, "record.forged", bill,
            PharmacyReader, ct, fault: ReaderFault.Forge).ConfigureAwait(false);
        await SettleAsync("the reader's answer delivered twice on the line: taken once", ChenJie, Pharmacy, VisitType.Pharmacy, "ok", bill,
            PharmacyReader, ct, fault: ReaderFault.Resend).ConfigureAwait(false);
        await SettleAsync("an old approved answer replayed on the line", ChenJie, Pharmacy, VisitType.Pharmacy, "record.replayed", bill,
            PharmacyReader, ct, fault: ReaderFault.Replay).ConfigureAwait(false);
        await SettleAsync("the reader's answer lost on the line: resent, answered from its cache", ChenJie, Pharmacy, VisitType.Pharmacy, "ok", bill,
            PharmacyReader, ct, fault: ReaderFault.Lost).ConfigureAwait(false);
    }

    private async Task SixtyRecordsAsync(CancellationToken ct)
    {
        BillItem[] bill = [Covered("IBU", "Ibuprofen 200 mg", "12.50")];
        Card card = (await _desk.GetCardAsync(ChenJie.Card, ct).ConfigureAwait(false))!;
        int start = card.UnprintedCount;
        int settled = 0;
        while (card.UnprintedCount < CardRules.UnprintedRecordLimit)
        {
            await SettleAsync("pharmacy purchase", ChenJie, Pharmacy, VisitType.Pharmacy, "ok", bill, PharmacyReader, ct, log: false).ConfigureAwait(false);
            settled++;
            card = (await _desk.GetCardAsync(ChenJie.Card, ct).ConfigureAwait(false))!;
        }

        Log.Desk(settled + " more pharmacy purchases of 12.50", ChenJie.Card, "unprinted records " + start + " -> " + card.UnprintedCount);
        await SettleAsync("purchase number " + (CardRules.UnprintedRecordLimit + 1), ChenJie, Pharmacy, VisitType.Pharmacy, "card.unprinted_limit",
            bill, PharmacyReader, ct).ConfigureAwait(false);

        Statement statement = (await _desk.PrintStatementAsync(ChenJie.Card, ct).ConfigureAwait(false))!;
        Directory.CreateDirectory(_outputDirectory);
        StatementPdf = Path.Combine(_outputDirectory, "statement-" + ChenJie.Card + "-" + statement.StatementId + ".pdf");
        await using (FileStream pdf = File.Create(StatementPdf))
        {
            StatementPdfRenderer.Render(statement, pdf);
        }

        await File.WriteAllTextAsync(Path.ChangeExtension(StatementPdf, ".txt"), StatementTextRenderer.Render(statement), ct).ConfigureAwait(false);
        if (statement.Records.Count != CardRules.UnprintedRecordLimit)
        {
            throw new DemoExpectationException("print the statement", CardRules.UnprintedRecordLimit + " records", statement.Records.Count + " records");
        }

        Log.Desk("print the statement at a service point", ChenJie.Card, statement.Records.Count.ToString(CultureInfo.InvariantCulture)
            + " records, total " + Money.Format(statement.Total) + ", PDF and text written");
        _progress.Step();
        Statement again = (await _desk.PrintStatementAsync(ChenJie.Card, ct).ConfigureAwait(false))!;
        if (!again.IsEmpty)
        {
            throw new DemoExpectationException("print again", "nothing new", again.Records.Count + " records");
        }

        Log.Desk("print again", ChenJie.Card, "nothing new to print");
        _progress.Step();
        await SettleAsync("the card works again", ChenJie, Pharmacy, VisitType.Pharmacy, "ok", bill, PharmacyReader, ct).ConfigureAwait(false);
    }

    private async Task EndOfDayAsync(CancellationToken ct)
    {
        long before = (await _desk.GetPersonAsync(ZhangWei.ResidentId, ct).ConfigureAwait(false))!.Balance;
        RefundResult refund = await _settlement.RefundAsync(_firstVisit.Reader, _firstVisit.Counter, ct).ConfigureAwait(false);
        long after = (await _desk.GetPersonAsync(ZhangWei.ResidentId, ct).ConfigureAwait(false))!.Balance;
        if (!refund.Succeeded || after - before != 12_000)
        {
            throw new DemoExpectationException("refund Zhang Wei's first visit", "120.00 back to the account",
                refund.Refusal?.Key ?? Money.Format(after - before));
        }

        Log.Desk("refund Zhang Wei's first visit (" + _firstVisit.Reader + "/" + _firstVisit.Counter + ")", ZhangWei.Card,
            "own account " + Money.Format(before) + " -> " + Money.Format(after) + "; fund and cash reversed");
        _progress.Step();

        foreach (DemoPerson p in People)
        {
            Balances.Add((await _desk.GetPersonAsync(p.ResidentId, ct).ConfigureAwait(false))!);
        }

        Log.Desk("balances", "-", string.Join("; ", Balances.ConvertAll(p => p.Name + " " + Money.Format(p.Balance))));
        _progress.Step();
        Audit = await LedgerAudit.VerifyAsync(_store, ct).ConfigureAwait(false);
        if (!Audit.Ok)
        {
            throw new DemoExpectationException("ledger audit", "no violations", Audit.ToString());
        }

        Log.Desk("ledger audit", "-", "ok: " + Audit.EntryCount + " entries, postings sum to " + Money.Format(Audit.PostingTotal)
            + ", no personal balance below zero");
        _progress.Step();
    }
}
