using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Simulator.Link;

/// <summary>
/// Waiting until a Stopwatch timestamp with sub-millisecond accuracy: the OS timer sleeps most of the way
/// (it overshoots by up to a millisecond or so), a short spin covers the rest. Used only by the paced wire.
/// </summary>
internal static class PreciseWait
{
    private static readonly long SpinWindow = Stopwatch.Frequency / 1000 * 2; // the last 2 ms are spun

    public static async ValueTask UntilAsync(long deadline, CancellationToken cancellationToken)
    {
        long remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining > SpinWindow)
        {
            await Task.Delay(Stopwatch.GetElapsedTime(0, remaining - SpinWindow), cancellationToken).ConfigureAwait(false);
        }

        Spin(deadline);
    }

    public static void Spin(long deadline)
    {
        var spinner = new SpinWait();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
