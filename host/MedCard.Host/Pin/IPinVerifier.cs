using System;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Pin
{
    /// <summary>
    /// The integrator's PIN check (the issuer's PIN store, with its try counter decremented before the
    /// compare). Receives the PIN as digit values 0..9, one per byte, never as text. The buffer is
    /// wiped as soon as the returned task completes: copy nothing, log nothing.
    /// </summary>
    public interface IPinVerifier
    {
        /// <summary>Checks the holder's PIN <paramref name="digits"/> (ASCII, wiped by the caller afterwards) for the card in <paramref name="request"/>.</summary>
        ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken = default);
    }
}
