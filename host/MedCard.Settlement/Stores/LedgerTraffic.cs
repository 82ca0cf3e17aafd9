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

    public long Statements => Interlocked.Read(ref _statements);

    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public long Commits => Interlocked.Read(ref _commits);

    public void Sent(int statements)
    {
        Interlocked.Add(ref _statements, statements);
        Interlocked.Increment(ref _roundTrips);
    }

    public void Committed()
    {
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Increment(ref _commits);
    }
}
