using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

public sealed partial class SettlementService
{
    /// <summary>
    /// The ledger's channel number for e-card settlements: they have no reader signature (the phone's token is signed by
    /// the scheme instead), so they are filed under this reserved reader id with the ledger's own counter. Reader id 0
    /// is "not provisioned" on the wire, so no reader can ever sign under it.
    /// </summary>
    public const uint ECardChannel = 0;

    /// <summary>
    /// Settles a purchase paid with the e-card, in the ledger only, by the same rules as a card purchase (institution,
    /// designation, 60 records, policy, family binding, split, postings) after the e-card's own, in this order: the token
    /// is the scheme's, for this card and holder (<c>ecard.forged</c>), not used before (<c>ecard.replayed</c>), not
    /// expired (<c>ecard.expired</c>); the card is active (a lost card's e-card is refused, emergencies included:
    /// <c>card.reported_lost</c>, <c>card.replaced</c>); the institution accepts e-cards (<c>ecard.not_accepted</c>); the
    /// bill is within <see cref="LedgerOptions.ECardPinFreeLimit"/> (<c>ecard.pin_required</c>). These refusals are not
    /// stored and leave the token unused; a settlement marks it used in its own transaction.
    /// </summary>
    public async Task<SettlementOutcome> SettleECardAsync(ECardPurchase purchase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(purchase.Items);
        IPinVerificationKeyStore keys = _options.ECardKeys ?? throw new InvalidOperationException("No e-card key store is configured (LedgerOptions.ECardKeys).");
        if (!ECardToken.TryParse(purchase.Token, out ECardToken? token))
        {
            return SettlementOutcome.NotStored(Refusal.Of(ReasonCode.ECardForged, "not an e-card code"));
        }

        if (!BillIsValid(purchase.Items, out string problem, out long total))
        {
            return SettlementOutcome.NotStored(Refusal.Of(ReasonCode.InvalidBill, problem));
        }

        return await _store.InTransactionAsync(async (s, _) =>
        {
            DateTimeOffset now = _options.Clock.GetUtcNow();
            IssuedECard? issued = await s.GetECardTokenAsync(token.TokenId).ConfigureAwait(false);
            Card? card = issued is null ? null : await s.GetCardAsync(issued.CardNumber, forUpdate: true).ConfigureAwait(false);
            if (issued is null || card is null || issued.CardNumber != token.CardNumber || !ECardToken.HasValidMac(keys, purchase.Token, card.ResidentId))
            {
                return SettlementOutcome.NotStored(Refusal.Of(ReasonCode.ECardForged));
            }

            Refusal? refusal = issued.Used ? Refusal.Of(ReasonCode.ECardReplayed)
                : now > token.ExpiresAt ? Refusal.Of(ReasonCode.ECardExpired)
                : card.Lifecycle == CardLifecycle.Replaced ? Refusal.Of(ReasonCode.CardReplaced)
                : card.Lifecycle == CardLifecycle.ReportedLost ? Refusal.Of(ReasonCode.CardReportedLost, "its e-card is refused too")
                : !await s.AcceptsECardAsync(purchase.InstitutionId).ConfigureAwait(false) ? Refusal.Of(ReasonCode.ECardNotAccepted)
                : total > _options.ECardPinFreeLimit ? Refusal.Of(ReasonCode.ECardPinRequired,
                    "limit " + SettlementCalculator.Fen(_options.ECardPinFreeLimit) + ", bill " + SettlementCalculator.Fen(total))
                : null;
            if (refusal is not null)
            {
                return SettlementOutcome.NotStored(refusal);
            }

            long last = await s.GetReaderLastCounterAsync(ECardChannel, forUpdate: true).ConfigureAwait(false);
            var tx = new VerifiedTransaction(ECardChannel, (uint)(Math.Max(last, 0) + 1), card.Uid, card.CardNumber, total, now);
            var request = new SettlementRequest(tx, purchase.Items.ToList(), purchase.InstitutionId, purchase.VisitType, null, purchase.PayFromRelativeResidentId);
            byte[] hash = SettlementHash.Of(request);
            Checked check = await CheckAsync(s, request, hash, pinAlreadyCounted: true).ConfigureAwait(false);
            SettlementOutcome outcome = check.Done ?? await PostSettlementAsync(s, request, hash, check).ConfigureAwait(false);
            if (outcome.Settled)
            {
                await s.MarkECardTokenUsedAsync(token.TokenId, now).ConfigureAwait(false);
            }

            return outcome;
        }, cancellationToken).ConfigureAwait(false);
    }
}
