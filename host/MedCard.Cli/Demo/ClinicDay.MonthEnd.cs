using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Statements;

namespace MedCard.Cli.Demo;

/// <summary>Month end: the scheme credits every personal account from a file (once: the rerun credits nobody), and a
/// holder's statement shows the credit beside the day's spends; the history keeps both after printing.</summary>
internal sealed partial class ClinicDay
{
    /// <summary>Each person's month-end credit in the demo's credit file, fen.</summary>
    private static readonly long[] MonthlyCredits = [350_00, 280_00, 160_00, 420_00];

    private async Task MonthEndAsync(CancellationToken ct)
    {
        DateTimeOffset local = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var month = new CreditMonth(local.AddMonths(-1).Year, local.AddMonths(-1).Month);
        Directory.CreateDirectory(_outputDirectory);
        string file = Path.Combine(_outputDirectory, "credits-" + month + ".csv");
        await File.WriteAllLinesAsync(file, [AccountCreditFile.Header, .. People.Select((p, i) => p.ResidentId + "," + Money.Format(MonthlyCredits[i]))], ct)
            .ConfigureAwait(false);

        var run = new AccountCreditRun(_store);
        CreditRunResult first = await run.RunFileAsync(month, AccountCreditFile.Read(file), ct).ConfigureAwait(false);
        if (!first.Succeeded || first.Credited != People.Count)
        {
            throw new DemoExpectationException("month-end credit " + month, People.Count + " accounts credited",
                first.Succeeded ? first.Credited + " credited" : first.Errors[0].ToString());
        }

        Log.Desk("month-end credit run " + month + " from " + Path.GetFileName(file), "-",
            first.Credited + " accounts credited, " + Money.Format(first.CreditedFen) + " (each its own journal entry)");
        _progress.Step();

        CreditRunResult again = await run.RunFileAsync(month, AccountCreditFile.Read(file), ct).ConfigureAwait(false);
        if (!again.Succeeded || again.Credited != 0 || again.AlreadyCredited != People.Count)
        {
            throw new DemoExpectationException("the same file again", "nobody credited twice", again.Credited + " credited");
        }

        Log.Desk("the same credit file again", "-", "nobody credited twice (" + again.AlreadyCredited + " already credited)");
        _progress.Step();

        string card = _cards[LiNa.Name];
        Statement statement = (await _desk.PrintStatementAsync(card, ct).ConfigureAwait(false))!;
        if (statement.Credits.Count != 1 || statement.Records.Count == 0)
        {
            throw new DemoExpectationException("Li Na's statement", "her credit and her spends",
                StatementFormatting.Count(statement.Credits.Count, "credit") + ", " + StatementFormatting.Count(statement.Records.Count, "record"));
        }

        string pdf = Path.Combine(_outputDirectory, "statement-" + card + "-" + statement.StatementId + ".pdf");
        await using (FileStream output = File.Create(pdf))
        {
            StatementPdfRenderer.Render(statement, output);
        }

        await File.WriteAllTextAsync(Path.ChangeExtension(pdf, ".txt"), StatementTextRenderer.Render(statement), ct).ConfigureAwait(false);
        List<HistoryLine> history = (await _desk.GetHistoryAsync(card, cancellationToken: ct).ConfigureAwait(false))!;
        Log.Desk("print Li Na's statement, then her history", card, StatementFormatting.Count(statement.Credits.Count, "credit") + " and "
            + StatementFormatting.Count(statement.Records.Count, "record") + " printed (" + Path.GetFileName(pdf) + "); history still holds "
            + StatementFormatting.Count(history.Count, "transaction"));
        _progress.Step();
    }
}
