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
    /// sign, with the ledger's one PIN-try routine (<see cref="PinTry"/>: a try spent before the compare, given back on a
    /// right PIN, all under the card's row lock). A right PIN returns a single-use <see cref="PinVerificationToken"/> for
    /// the settlement of the record signed next, so that settlement does not count a second try. 3 consecutive wrong PINs
    /// block the card. A card reported lost is still checked (emergency care settles on it); a replaced card is not.
    /// </summary>
    public async Task<PinVerification> VerifyPinAsync(string cardNumber, PinDigits pin, uint readerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        ArgumentNullException.ThrowIfNull(pin);
        return await _store.InTransactionAsync(async (s, _) =>
        {
            // Lock order everywhere: reader, then card. The reader row is only read: it fixes the point after
            // which the reader's next record must come.
            long last = await s.GetReaderLastCounterAsync(readerId).ConfigureAwait(false);
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null)
            {
                return new PinVerification(PinVerificationStatus.UnknownCard, 0, null);
            }

            if (card.Lifecycle == CardLifecycle.Replaced)
            {
                return new PinVerification(PinVerificationStatus.CardReplaced, 0, null);
            }

            if (card.PinTriesLeft <= 0)
            {
                return new PinVerification(PinVerificationStatus.Blocked, 0, null);
            }

            (bool right, Card after) = await PinTry.SpendAndCompareAsync(s, _pins, card, pin).ConfigureAwait(false);
            if (!right)
            {
                return after.PinTriesLeft <= 0
                    ? new PinVerification(PinVerificationStatus.Blocked, 0, null)
                    : new PinVerification(PinVerificationStatus.Wrong, after.PinTriesLeft, null);
            }

            var token = new PinVerificationToken(cardNumber, readerId, last, Now + _options.PinVerificationLifetime);
            return new PinVerification(PinVerificationStatus.Correct, CardRules.PinTries, token);
        }, cancellationToken).ConfigureAwait(false);
    }
}
