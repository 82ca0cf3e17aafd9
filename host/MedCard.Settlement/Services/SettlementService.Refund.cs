using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

public sealed partial class SettlementService
{
    /// <summary>
    /// Refunds (reverses) a whole settlement: posts the exact negation of its entry, gives back what each
    /// personal account paid and takes the deductible and fund share back out of the year-to-date
    /// accumulator. Idempotent: a second call changes nothing and says so. The card record stays on the
    /// statement, marked refunded, and keeps its place in the 60-record count (it was a card transaction).
    /// Later settlements of the same year are not recomputed.
    /// </summary>
    public Task<RefundResult> RefundAsync(uint readerId, uint counter, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            SettlementRecord? settled = await s.GetSettlementAsync(readerId, counter, forUpdate: true).ConfigureAwait(false);
            if (settled is null || !settled.Settled || settled.EntryId is null)
            {
                return new RefundResult(Refusal.Of(ReasonCode.UnknownSettlement, readerId + "/" + counter), false, Array.Empty<Posting>());
            }

            if (settled.ReversalEntryId is long done)
            {
                return new RefundResult(null, true, await s.GetPostingsAsync(done).ConfigureAwait(false));
            }

            List<Posting> original = await s.GetPostingsAsync(settled.EntryId.Value).ConfigureAwait(false);
            var reversal = original.ConvertAll(p => new Posting(p.Account, -p.Amount));
            long entryId = await s.InsertEntryAsync(EntryKind.Reversal, settled.Reference, _options.Clock.GetUtcNow(), reversal)
                .ConfigureAwait(false);

            foreach (string id in OrderedIds(settled.ResidentId!, settled.RelativeId))
            {
                long back = id == settled.ResidentId ? settled.OwnAccount : settled.RelativeAccount;
                if (back > 0)
                {
                    await s.AddToBalanceAsync(id, back).ConfigureAwait(false);
                }
            }

            Accumulator ytd = await s.GetAccumulatorAsync(settled.ResidentId!, settled.Year, settled.VisitType, forUpdate: true)
                .ConfigureAwait(false);
            await s.UpsertAccumulatorAsync(ytd with
            {
                DeductibleMet = ytd.DeductibleMet - settled.DeductibleApplied,
                FundPaid = ytd.FundPaid - settled.Fund,
            }).ConfigureAwait(false);

            await ReverseClearingAsync(s, readerId, counter).ConfigureAwait(false);
            await s.SetReversalAsync(readerId, counter, entryId).ConfigureAwait(false);
            await s.MarkRecordRefundedAsync(readerId, counter).ConfigureAwait(false);
            return new RefundResult(null, false, reversal);
        }, cancellationToken);
}
