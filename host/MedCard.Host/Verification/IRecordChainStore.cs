using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Verification
{
    /// <summary>
    /// Persists each reader's <see cref="ChainPosition"/>. Must be durable (the database the records go
    /// to): a host that forgets the position after a restart cannot tell a replay from a new record.
    /// <see cref="TryAdvanceAsync"/> is a compare-and-set so two hosts (or two connections) cannot both
    /// accept the same counter.
    /// </summary>
    public interface IRecordChainStore
    {
        /// <summary>The reader's position, or <see cref="ChainPosition.Start"/> if nothing was accepted yet.</summary>
        ValueTask<ChainPosition> GetAsync(uint readerId, CancellationToken cancellationToken = default);

        /// <summary>Moves from <paramref name="expected"/> to <paramref name="next"/>; false if the stored position is no longer <paramref name="expected"/>.</summary>
        ValueTask<bool> TryAdvanceAsync(uint readerId, ChainPosition expected, ChainPosition next, CancellationToken cancellationToken = default);
    }
}
