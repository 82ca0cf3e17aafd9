using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>Forgotten or blocked PIN: the holder shows their ID at a service desk; a new PIN is set and
    /// the try counter restored.</summary>
    public async Task<DeskResult> ResetPinAsync(string cardNumber, string residentId, PinDigits newPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newPin);
        PinCredential credential = _pins.Protect(cardNumber, newPin);
        return await _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null)
            {
                return DeskResult.Refused(ReasonCode.UnknownCard);
            }

            if (!SameId(card.ResidentId, residentId))
            {
                return DeskResult.Refused(ReasonCode.IdentityMismatch);
            }

            if (card.Lifecycle == CardLifecycle.Replaced)
            {
                return DeskResult.Refused(ReasonCode.CardReplaced);
            }

            await s.SetPinCredentialAsync(cardNumber, credential).ConfigureAwait(false);
            await s.UpdateCardAsync(card with { PinTriesLeft = CardRules.PinTries }).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the PIN with the old one, checked by the ledger's one PIN-try routine (<see cref="PinTry"/>): a try
    /// spent before the compare, the tries restored by a right old PIN.</summary>
    public async Task<DeskResult> ChangePinAsync(string cardNumber, PinDigits oldPin, PinDigits newPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldPin);
        ArgumentNullException.ThrowIfNull(newPin);
        PinCredential replacement = _pins.Protect(cardNumber, newPin); // the (possibly slow) hash outside the card's lock
        return await _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            DeskResult? refusal = PinChangeRefusal(card);
            if (refusal is not null)
            {
                return refusal;
            }

            (bool right, Card after) = await PinTry.SpendAndCompareAsync(s, _pins, card!, oldPin).ConfigureAwait(false);
            if (!right)
            {
                return new DeskResult(Refusal.WrongPin(after.PinTriesLeft));
            }

            await s.SetPinCredentialAsync(cardNumber, replacement).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static DeskResult? PinChangeRefusal(Card? card) =>
        card is null ? DeskResult.Refused(ReasonCode.UnknownCard)
        : card.Lifecycle == CardLifecycle.Replaced ? DeskResult.Refused(ReasonCode.CardReplaced)
        : card.Lifecycle == CardLifecycle.ReportedLost ? DeskResult.Refused(ReasonCode.CardReportedLost)
        : card.PinTriesLeft <= 0 ? DeskResult.Refused(ReasonCode.PinBlocked)
        : null;

    private static bool SameId(string stored, string given) =>
        given is not null && string.Equals(stored, ResidentId.Normalize(given), StringComparison.Ordinal);
}
