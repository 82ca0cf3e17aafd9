using System.Threading;

namespace MedCard.Settlement.Stores;

/// <summary>
/// What a store has sent to its database: statements, round trips (one per command or batch sent and answered, the
/// COMMIT included; PostgreSQL's BEGIN travels with the first statement and is not one) and committed transactions.
/// The settlement benchmark's <c>--probe</c> divides them by the settlements made; cheap enough to stay on.
/// </summary>
internal sealed class LedgerTraffic
{
    private long _statements;
    private long _roundTrips;
    private long _commits;
    private long _commitTicks;

    public long Statements => Interlocked.Read(ref _statements);

    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Time spent in COMMIT (on PostgreSQL with the queued writes that travel with it), in <see cref="System.Diagnostics.Stopwatch"/> ticks:
    /// mostly the durable flush, the part a settlement shares with a plain insert.</summary>
    public long CommitTicks => Interlocked.Read(ref _commitTicks);

    public void Sent(int statements)
    {
        Interlocked.Add(ref _statements, statements);
        Interlocked.Increment(ref _roundTrips);
    }

    public void Committed(long ticks, bool separateRoundTrip)
    {
        if (separateRoundTrip)
        {
            Interlocked.Increment(ref _roundTrips);
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _commitTicks, ticks);
    }
}
