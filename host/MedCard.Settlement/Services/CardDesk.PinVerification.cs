using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// Checks the PIN the holder typed on reader <paramref name="readerId"/> BEFORE that reader is asked to
    /// sign. Same counting as settlement: one try is spent and committed before the (slow) compare, so a power
    /// cut during the compare never gives a free try; a right PIN gives the try back (3 again) and returns a
    /// single-use <see cref="PinVerificationToken"/> for the settlement of the record signed next, so that
    /// settlement does not count a second try. 3 consecutive wrong PINs block the card.
    /// A card reported lost is still checked (emergency care settles on it); a replaced card is not.
    /// </summary>
    public async Task<PinVerification> VerifyPinAsync(string cardNumber, PinDigits pin, uint readerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        ArgumentNullException.ThrowIfNull(pin);
        (PinVerification? early, PinCredential? stored, long lastCounter) = await _store.InTransactionAsync(async (s, _) =>
        {
            // Lock order everywhere: reader, then card. The reader row is only read: it fixes the point after
            // which the reader's next record must come.
            long last = await s.GetReaderLastCounterAsync(readerId).ConfigureAwait(false);
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            PinVerification? refused =
                card is null ? new PinVerification(PinVerificationStatus.UnknownCard, 0, null)
                : card.Lifecycle == CardLifecycle.Replaced ? new PinVerification(PinVerificationStatus.CardReplaced, 0, null)
                : card.PinTriesLeft <= 0 ? new PinVerification(PinVerificationStatus.Blocked, 0, null)
                : null;
            if (refused is not null)
            {
                return (refused, (PinCredential?)null, last);
            }

            await s.UpdateCardAsync(card! with { PinTriesLeft = card.PinTriesLeft - 1 }).ConfigureAwait(false);
            PinCredential credential = await s.GetPinCredentialAsync(cardNumber).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Card without PIN credential.");
            return ((PinVerification?)null, (PinCredential?)credential, last);
        }, cancellationToken).ConfigureAwait(false);
        if (early is not null)
        {
            return early;
        }

        bool ok = PinHasher.Verify(stored!, pin);
        return await _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null)
            {
                return new PinVerification(PinVerificationStatus.UnknownCard, 0, null);
            }

            if (!ok)
            {
                return card.PinTriesLeft <= 0
                    ? new PinVerification(PinVerificationStatus.Blocked, 0, null)
                    : new PinVerification(PinVerificationStatus.Wrong, card.PinTriesLeft, null);
            }

            // A right PIN ends the run of wrong ones, as in settlement.
            if (card.PinTriesLeft < CardRules.PinTries)
            {
                await s.UpdateCardAsync(card with { PinTriesLeft = CardRules.PinTries }).ConfigureAwait(false);
            }

            var token = new PinVerificationToken(cardNumber, readerId, lastCounter, Now + _options.PinVerificationLifetime);
            return new PinVerification(PinVerificationStatus.Correct, CardRules.PinTries, token);
        }, cancellationToken).ConfigureAwait(false);
    }
}
