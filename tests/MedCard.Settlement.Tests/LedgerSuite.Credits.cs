using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>The month-end credit run of personal accounts.</summary>
public abstract partial class LedgerSuite
{
    private static readonly CreditMonth November = new(2026, 11);

    private static AccountCreditFile CreditFile(params (string ResidentId, string Amount)[] lines) =>
        AccountCreditFile.Read(new StringReader(AccountCreditFile.Header + "\n" + string.Join("\n", lines.Select(l => l.ResidentId + "," + l.Amount)) + "\n"));

    [StoreFact]
    public async Task A_credit_run_credits_each_account_once_per_month_with_one_balanced_entry_each()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder a = await l.EnrolAsync(10_00);
        TestLedger.Holder b = await l.EnrolAsync(0);
        var run = new AccountCreditRun(l.Store);
        AccountCreditFile file = CreditFile((a.ResidentId, "350.00"), (b.ResidentId, "120.5"));
        Assert.Empty(file.Errors);

        CreditRunResult first = await run.RunFileAsync(November, file, Ct);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal((2, 0, 350_00L + 120_50L), (first.Credited, first.AlreadyCredited, first.CreditedFen));
        Assert.Equal(10_00 + 350_00, await l.BalanceAsync(a.ResidentId));
        Assert.Equal(120_50, await l.BalanceAsync(b.ResidentId));

        // The same file again: nothing new, balances unchanged.
        CreditRunResult again = await run.RunFileAsync(November, file, Ct);
        Assert.True(again.Succeeded);
        Assert.Equal((0, 2, 0L), (again.Credited, again.AlreadyCredited, again.CreditedFen));
        Assert.Equal(10_00 + 350_00, await l.BalanceAsync(a.ResidentId));

        // Each credit is its own entry, contributions to the personal account, summing to zero.
        long? entry = await l.Store.InTransactionAsync((s, _) => s.FindEntryAsync(EntryKind.AccountCredit, "2026-11/" + b.ResidentId), Ct);
        Assert.NotNull(entry);
        List<Posting> postings = await l.Store.InTransactionAsync((s, _) => s.GetPostingsAsync(entry.Value), Ct);
        Assert.Equal(2, postings.Count);
        Assert.Equal(0, postings.Sum(p => p.Amount));
        Assert.Equal(120_50, postings.Single(p => p.Account == LedgerAccounts.Personal(b.ResidentId)).Amount);
        Assert.Equal(-120_50, postings.Single(p => p.Account == LedgerAccounts.Contributions).Amount);
        MonthlyCredit? stored = await l.Store.InTransactionAsync((s, _) => s.GetAccountCreditAsync(b.ResidentId, November), Ct);
        Assert.Equal((120_50L, entry.Value), (stored!.Amount, stored.EntryId));

        // The next month is a new credit.
        CreditRunResult december = await run.RunFileAsync(new CreditMonth(2026, 12), CreditFile((b.ResidentId, "1")), Ct);
        Assert.Equal(1, december.Credited);
        Assert.Equal(121_50, await l.BalanceAsync(b.ResidentId));
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_credit_file_with_one_bad_line_applies_nothing_and_names_the_line()
    {
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder a = await l.EnrolAsync(0);
        TestLedger.Holder b = await l.EnrolAsync(0);
        var run = new AccountCreditRun(l.Store);

        // Not enrolled: found by the store, line 3.
        string stranger = TestLedger.ResidentIdFor(900);
        CreditRunResult unknown = await run.RunFileAsync(November, CreditFile((a.ResidentId, "100"), (stranger, "100"), (b.ResidentId, "100")), Ct);
        Assert.False(unknown.Succeeded);
        CreditLineError error = Assert.Single(unknown.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("no insured person", error.Reason, System.StringComparison.Ordinal);
        Assert.Equal(0, await l.BalanceAsync(a.ResidentId));

        // Malformed lines: found by the parser, each with its line number; nothing applied.
        AccountCreditFile bad = CreditFile((a.ResidentId, "12.345"), (b.ResidentId, "-5"), ("110101198001010000", "1"), (a.ResidentId, "1"), (a.ResidentId, "2"));
        Assert.Equal([2, 3, 4, 6], bad.Errors.Select(e => e.Line));
        Assert.Contains("line 5", bad.Errors[3].Reason, System.StringComparison.Ordinal);
        Assert.False((await run.RunFileAsync(November, bad, Ct)).Succeeded);
        Assert.Equal(0, await l.BalanceAsync(b.ResidentId));

        // A different amount for a month already credited contradicts the earlier run: refused, nothing applied.
        Assert.True((await run.RunFileAsync(November, CreditFile((a.ResidentId, "100")), Ct)).Succeeded);
        CreditRunResult changed = await run.RunFileAsync(November, CreditFile((b.ResidentId, "100"), (a.ResidentId, "200")), Ct);
        Assert.Equal(3, Assert.Single(changed.Errors).Line);
        Assert.Equal(0, await l.BalanceAsync(b.ResidentId));
        Assert.Equal(100_00, await l.BalanceAsync(a.ResidentId));
        // A list built in code gets the same line rules: the same person twice is refused before the store is touched.
        CreditRunResult twice = await run.RunAsync(November, [new AccountCredit(1, b.ResidentId, 5_00), new AccountCredit(2, b.ResidentId, 5_00)], Ct);
        Assert.Equal(2, Assert.Single(twice.Errors).Line);
        Assert.Equal(0, await l.BalanceAsync(b.ResidentId));
        await l.AssertAuditOkAsync();
    }

    [Xunit.Fact]
    public void A_credit_file_without_its_header_is_one_error_on_line_1()
    {
        AccountCreditFile file = AccountCreditFile.Read(new StringReader("110101198001010018,1\n"));
        Assert.Equal(1, Assert.Single(file.Errors).Line);
        Assert.Empty(file.Credits);
        Assert.Equal(1, Assert.Single(AccountCreditFile.Read(new StringReader(string.Empty)).Errors).Line);
    }
}
