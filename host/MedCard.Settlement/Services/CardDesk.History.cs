using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// Every transaction of the holder of <paramref name="cardNumber"/> (credits, contributions, spends, refunds,
    /// reimbursements, on this and their other cards), oldest first, with time in [<paramref name="from"/>,
    /// <paramref name="to"/>) when given. Printing a statement resets the 60-record count but removes nothing from
    /// here. Null when the card is unknown.
    /// </summary>
    public Task<List<HistoryLine>?> GetHistoryAsync(string cardNumber, DateTimeOffset? from = null, DateTimeOffset? to = null,
        CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            await s.UseSnapshotAsync().ConfigureAwait(false);
            Card? card = await s.GetCardAsync(cardNumber).ConfigureAwait(false);
            if (card is null)
            {
                return null;
            }

            List<HistoryLine> lines = await s.GetHistoryAsync(card.ResidentId).ConfigureAwait(false);
            lines.RemoveAll(l => (from is { } f && l.Time < f) || (to is { } t && l.Time >= t));
            return (List<HistoryLine>?)lines;
        }, cancellationToken);
}
