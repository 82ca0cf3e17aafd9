using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Verification
{
    /// <summary>A process-local key store, for tests, the simulator and demos.</summary>
    public sealed class InMemoryReaderKeyStore : IReaderKeyStore
    {
        private readonly ConcurrentDictionary<uint, byte[]> _keys = new ConcurrentDictionary<uint, byte[]>();

        /// <summary>Adds (or replaces) the record key of reader <paramref name="readerId"/>; the key is copied.</summary>
        public void Add(uint readerId, ReadOnlySpan<byte> key)
        {
            if (key.Length != MedCard.Protocol.SignedRecord.KeyLength)
            {
                throw new ArgumentException("A reader key is 32 bytes.", nameof(key));
            }
            _keys[readerId] = key.ToArray();
        }

        /// <inheritdoc />
        public ValueTask<byte[]?> GetKeyAsync(uint readerId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_keys.TryGetValue(readerId, out byte[]? key) ? (byte[]?)key.Clone() : null);
    }
}
