using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Pin;

namespace MedCard.Link.Benchmarks;

/// <summary>The benchmark measures the link, not PIN policy: every deciphered PIN is accepted.</summary>
internal sealed class AlwaysCorrectPin : IPinVerifier
{
    public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PinCheck.Correct);
}
