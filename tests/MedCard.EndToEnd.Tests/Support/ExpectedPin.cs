using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Pin;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>The integrator's PIN check in the tests: compares the deciphered digits with the holder's PIN from the cards file.</summary>
internal sealed class ExpectedPin : IPinVerifier
{
    private readonly byte[] _digits;
    private int _calls;

    public ExpectedPin(string pin)
    {
        _digits = new byte[pin.Length];
        for (int i = 0; i < pin.Length; i++)
        {
            _digits[i] = (byte)(pin[i] - '0');
        }
    }

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<PinCheck> VerifyAsync(PinCheckRequest request, ReadOnlyMemory<byte> digits, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(digits.Span.SequenceEqual(_digits) ? PinCheck.Correct : PinCheck.Wrong);
    }
}
