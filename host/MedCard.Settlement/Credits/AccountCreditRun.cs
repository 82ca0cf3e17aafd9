using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Credits;

/// <summary>
/// The month-end credit of personal accounts: after the employers' contributions the scheme credits each insured
/// person's personal account. One run applies one file in one ledger transaction, set-based (PostgreSQL: COPY into
/// a staging table, then one INSERT ... SELECT per table; SQLite: prepared inserts into the staging table in the same
/// transaction), so a file is applied entirely or not at all. Each credit is its own journal entry
/// (<see cref="Ledger.EntryKind.AccountCredit"/>: contributions to personal:&lt;id&gt;) and raises the balance.
/// Idempotent per person and month: a person already credited for the month with the same amount is skipped; with a
/// different amount the line is an error (a corrected file is a different credit and needs a person to look at it).
/// </summary>
public sealed class AccountCreditRun
{
    private readonly ILedgerStore _store;
    private readonly LedgerOptions _options;

    /// <summary>A credit run on <paramref name="store"/>; <paramref name="options"/> supplies the clock.</summary>
    public AccountCreditRun(ILedgerStore store, LedgerOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new LedgerOptions();
    }

    /// <summary>Applies a checked credit file; a file with bad lines is refused with those lines and nothing is applied.</summary>
    public Task<CreditRunResult> RunFileAsync(CreditMonth month, AccountCreditFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Errors.Count > 0
            ? Task.FromResult(CreditRunResult.Failed(month, file.Credits.Count + file.Errors.Count, file.Errors))
            : RunAsync(month, file.Credits, cancellationToken);
    }

    /// <summary>Credits every account in <paramref name="credits"/> for <paramref name="month"/>, or none of them when
    /// a line names no insured person or contradicts an earlier credit of the month.</summary>
    public async Task<CreditRunResult> RunAsync(CreditMonth month, IReadOnlyList<AccountCredit> credits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credits);
        if (month == default)
        {
            throw new ArgumentException("No credit month given.", nameof(month));
        }

        // A list built in code (not read from a file) gets the file's line rules too: the set-based statements rely on
        // one line per person, positive amounts and distinct line numbers.
        List<CreditLineError> invalid = Check(credits);
        if (invalid.Count > 0)
        {
            return CreditRunResult.Failed(month, credits.Count, invalid);
        }

        DateTimeOffset now = _options.Clock.GetUtcNow();
        return await _store.InTransactionAsync(async (s, _) =>
        {
            // A failure rolls the transaction back, and the staging table with it (it is created inside it).
            await s.StageCreditsAsync(credits).ConfigureAwait(false);
            List<CreditLineError> errors = await s.CheckStagedCreditsAsync(month, AccountCreditFile.MaxErrors).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                await s.DropCreditStageAsync().ConfigureAwait(false);
                return CreditRunResult.Failed(month, credits.Count, errors);
            }

            int already = await s.DropAlreadyCreditedAsync(month).ConfigureAwait(false);
            (int credited, long fen) = await s.ApplyStagedCreditsAsync(month, now).ConfigureAwait(false);
            await s.DropCreditStageAsync().ConfigureAwait(false);
            return new CreditRunResult(month, credits.Count, credited, already, fen, []);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static List<CreditLineError> Check(IReadOnlyList<AccountCredit> credits)
    {
        var errors = new List<CreditLineError>();
        var people = new HashSet<string>(StringComparer.Ordinal);
        var lines = new HashSet<int>();
        foreach (AccountCredit c in credits)
        {
            string? problem = c is null ? "no credit"
                : c.Line <= 0 || !lines.Add(c.Line) ? "line numbers must be positive and distinct"
                : string.IsNullOrWhiteSpace(c.ResidentId) ? "no resident ID"
                : c.Amount is <= 0 or > AccountCreditFile.MaxAmountFen ? "the amount must be more than 0 and at most 1000000.00"
                : !people.Add(c.ResidentId) ? "the same person twice (one credit per person and month)"
                : null;
            if (problem is not null && errors.Count < AccountCreditFile.MaxErrors)
            {
                errors.Add(new CreditLineError(c?.Line ?? 0, problem));
            }
        }

        return errors;
    }
}
