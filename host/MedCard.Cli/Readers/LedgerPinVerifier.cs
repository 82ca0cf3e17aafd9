using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Pin;
using MedCard.Settlement.Model;
using MedCard.Settlement.Services;

namespace MedCard.Cli.Readers;

/// <summary>
/// The host library's <see cref="IPinVerifier"/> over the ledger's <see cref="CardDesk.VerifyPinAsync"/>: the
/// PIN typed on a connected reader is judged (try spent before the compare) before the reader is asked to
/// sign, so <see cref="MedCard.Host.Client.ReaderClient.RequestPinAsync"/> returns the real outcome. The full
/// answer (tries left, unknown or replaced card, and on success the token for the settlement) is kept in
/// <see cref="Last"/>; the digits are copied into a <see cref="PinDigits"/> that is wiped before returning.
/// </summary>
internal sealed class LedgerPinVerifier(CardDesk desk) : IPinVerifier
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
            // Unknown or replaced: the reader must not go on to sign; the caller reads the real reason in Last.
            _ => PinCheck.Blocked,
        };
    }
}
