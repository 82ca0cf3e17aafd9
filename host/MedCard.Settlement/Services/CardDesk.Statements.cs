using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Statements;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// Prints every unprinted record of the card, and the holder's month-end credits not printed yet, into a new
    /// statement, marks them printed and resets the
    /// card's unprinted count, so a card stopped by the 60-record limit works again. Printing again returns
    /// an empty statement and changes nothing. Null when the card is unknown.
    /// </summary>
    public Task<Statement?> PrintStatementAsync(string cardNumber, CancellationToken cancellationToken = default) =>
        PrintStatementAsync(cardNumber, deliver: null, cancellationToken);

    /// <summary>
    /// Prints like <see cref="PrintStatementAsync(string, CancellationToken)"/>, but the records are marked printed
    /// only once <paramref name="deliver"/> has put the statement where the holder gets it (a file, a printer):
    /// <paramref name="deliver"/> runs inside the ledger transaction, after the statement is built and before the
    /// commit, so if it throws nothing is marked and the exception propagates. A statement shown twice is harmless;
    /// one marked printed but never shown would bypass the 60-record rule. The transaction may be re-run (busy
    /// database), so <paramref name="deliver"/> may run more than once and must overwrite what it wrote before.
    /// </summary>
    public Task<Statement?> PrintStatementAsync(string cardNumber, Func<Statement, CancellationToken, Task>? deliver, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = Now;
        return _store.InTransactionAsync(async (s, ct) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null)
            {
                return null;
            }

            Person person = await s.GetPersonAsync(card.ResidentId).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Card without a person.");
            List<CardRecord> records = await s.GetUnprintedRecordsAsync(cardNumber).ConfigureAwait(false);
            List<MonthlyCredit> credits = await s.GetUnprintedCreditsAsync(card.ResidentId).ConfigureAwait(false);
            long? statementId = null;
            if (records.Count > 0 || credits.Count > 0)
            {
                statementId = await s.InsertStatementAsync(cardNumber, now, records.Count).ConfigureAwait(false);
                await s.MarkCreditsPrintedAsync(card.ResidentId, statementId.Value).ConfigureAwait(false);
                records = records.ConvertAll(r => r with { StatementId = statementId });
                credits = credits.ConvertAll(c => c with { StatementId = statementId });
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (CardRecord r in records)
            {
                if (!names.ContainsKey(r.InstitutionId) && await s.GetInstitutionAsync(r.InstitutionId).ConfigureAwait(false) is { } institution)
                {
                    names[r.InstitutionId] = institution.Name;
                }
            }

            if (card.UnprintedCount != 0)
            {
                await s.UpdateCardAsync(card with { UnprintedCount = 0 }).ConfigureAwait(false);
            }

            var statement = new Statement(statementId, cardNumber, person.Name, Statement.Mask(person.ResidentId), now, records)
            {
                Credits = credits,
                InstitutionNames = names,
                UtcOffset = _options.SchemeUtcOffset,
            };
            if (deliver is not null)
            {
                await deliver(statement, ct).ConfigureAwait(false);
            }

            return (Statement?)statement;
        }, cancellationToken);
    }
}
