using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Pin;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;

namespace MedCard.Checkout;

/// <summary>
/// The PIN typed on the reader, judged by the ledger's one PIN-try routine (<see cref="CardDesk.VerifyPinAsync"/>)
/// before the reader is asked to sign. The full answer (tries left, and on success the token for the settlement) is kept
/// in <see cref="Last"/>; the digits are copied into a <see cref="PinDigits"/> that is wiped before returning.
/// </summary>
internal sealed class LedgerPinCheck(CardDesk desk) : IPinVerifier
{
    public PinVerification? Last { get; private set; }

    public async ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var pin = new PinDigits(digits.Span);
        Last = await desk.VerifyPinAsync(request.CardNumber, pin, request.ReaderId, cancellationToken).ConfigureAwait(false);
        return Last.Status switch
        {
            PinVerificationStatus.Correct => PinCheck.Correct,
            PinVerificationStatus.Wrong => PinCheck.Wrong,
            // Unknown or replaced: the reader must not go on to sign; the checkout reads the real reason in Last.
            _ => PinCheck.Blocked,
        };
    }
}
