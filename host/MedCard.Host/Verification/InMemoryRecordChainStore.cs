using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;

namespace MedCard.Host.Verification
{
    /// <summary>A process-local chain store, for tests, the simulator and demos. Not durable.</summary>
    public sealed class InMemoryRecordChainStore : IRecordChainStore
    {
        private readonly Dictionary<uint, ChainPosition> _positions = new Dictionary<uint, ChainPosition>();

        /// <inheritdoc />
        public ValueTask<ChainPosition> GetAsync(uint readerId, CancellationToken cancellationToken = default)
        {
            lock (_positions)
            {
                return ValueTask.FromResult(_positions.TryGetValue(readerId, out ChainPosition? p) ? p : ChainPosition.Start);
            }
        }

        /// <inheritdoc />
        public ValueTask<bool> TryAdvanceAsync(uint readerId, ChainPosition expected, ChainPosition next, CancellationToken cancellationToken = default)
        {
            lock (_positions)
            {
                ChainPosition current = _positions.TryGetValue(readerId, out ChainPosition? p) ? p : ChainPosition.Start;
                if (current.Counter != expected.Counter || !ConstantTime.AreEqual(current.LastMac, 0, expected.LastMac, 0, SignedRecord.MacLength))
                {
                    return ValueTask.FromResult(false);
                }
                _positions[readerId] = next;
                return ValueTask.FromResult(true);
            }
        }
    }
}
