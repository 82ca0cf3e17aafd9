using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Statements;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// Prints every unprinted record of the card into a new statement, marks them printed and resets the
    /// card's unprinted count, so a card stopped by the 60-record limit works again. Printing again returns
    /// an empty statement and changes nothing. Null when the card is unknown.
    /// </summary>
    public Task<Statement?> PrintStatementAsync(string cardNumber, CancellationToken cancellationToken)
    {
        DateTimeOffset now = Now;
        return _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null)
            {
                return null;
            }

            Person person = await s.GetPersonAsync(card.ResidentId).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Card without a person.");
            List<CardRecord> records = await s.GetUnprintedRecordsAsync(cardNumber).ConfigureAwait(false);
            long? statementId = null;
            if (records.Count > 0)
            {
                statementId = await s.InsertStatementAsync(cardNumber, now, records.Count).ConfigureAwait(false);
                records = records.ConvertAll(r => r with { StatementId = statementId });
            }

            if (card.UnprintedCount != 0)
            {
                await s.UpdateCardAsync(card with { UnprintedCount = 0 }).ConfigureAwait(false);
            }

            return (Statement?)new Statement(statementId, cardNumber, person.Name, Statement.Mask(person.ResidentId), now, records);
        }, cancellationToken);
    }
}
