using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.Checkout;

/// <summary>
/// A purchase paid with the e-card (the QR code on the holder's phone), through the same checkout results as a card
/// purchase. The token is signed by the scheme, not by a reader, so no reader signs: the ledger checks the token and
/// settles (<see cref="SettlementService.SettleECardAsync"/>) under its e-card channel
/// (<see cref="SettlementService.ECardChannel"/>, reader id 0) with its own counter; the result's
/// <see cref="CheckoutResult.ReaderId"/> is 0. Needs <see cref="Settlement.Services.LedgerOptions.ECardKeys"/> and an
/// institution that accepts e-cards.
/// </summary>
public sealed class ECardCheckout
{
    private readonly SettlementService _settlement;

    /// <summary>E-card purchases settled into <paramref name="ledger"/> under <paramref name="options"/> (with the e-card keys).</summary>
    public ECardCheckout(ILedgerStore ledger, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        _settlement = new SettlementService(ledger, options);
    }

    /// <summary>Settles <paramref name="purchase"/> with the e-card <paramref name="token"/>. Refusals are results with a stable
    /// reason (<c>ecard.forged</c>, <c>ecard.expired</c>, <c>ecard.replayed</c>, <c>ecard.not_accepted</c>,
    /// <c>ecard.pin_required</c>, <c>card.reported_lost</c>, and the card rules), not exceptions.</summary>
    public async Task<CheckoutResult> CheckoutAsync(string token, Purchase purchase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var request = new ECardPurchase(token ?? string.Empty, purchase.Items.ToList(), purchase.InstitutionId, purchase.VisitType)
        {
            PayFromRelativeResidentId = purchase.PayFromRelativeResidentId,
        };
        SettlementOutcome outcome = await _settlement.SettleECardAsync(request, cancellationToken).ConfigureAwait(false);
        // The bill total as shown; an absurd bill (refused bill.invalid by the ledger) must not throw here.
        long total = outcome.Record?.Total ?? purchase.Items.Aggregate(0L, (sum, i) => unchecked(sum + i.Amount));
        string? card = outcome.Record?.CardNumber ?? (ECardToken.TryParse(token, out ECardToken? parsed) ? parsed.CardNumber : null);
        uint counter = outcome.Record?.Counter ?? 0;
        return outcome.Refusal is { } refusal
            ? new CheckoutResult(CheckoutStatus.Refused, refusal.Key, refusal.Message, SettlementService.ECardChannel, counter, card, total, null, outcome)
            {
                Refusal = refusal,
            }
            : new CheckoutResult(CheckoutStatus.Settled, ReasonCodes.Key(ReasonCode.None), outcome.ToString(), SettlementService.ECardChannel, counter,
                card, total, null, outcome);
    }
}
