using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Services;

namespace MedCard.Checkout;

/// <summary>
/// The chain store the reader client verifies against during a checkout: it starts from the ledger's readers row
/// (the durable position) and advances in memory only. The durable advance is the ledger transaction that files the
/// record (settlement, stored refusal or void), so a process killed between verifying and settling leaves the ledger
/// behind the reader, never ahead: the record is still in the reader's journal and recovery files it.
/// </summary>
internal sealed class LedgerChain : IRecordChainStore
{
    private readonly ReaderDesk _desk;
    private readonly Dictionary<uint, ChainPosition> _memory = new();
    private readonly object _gate = new();

    public LedgerChain(ReaderDesk desk) => _desk = desk;

    /// <summary>Forgets the in-memory advances: the next read comes from the ledger.</summary>
    public void Reset(uint readerId)
    {
        lock (_gate)
        {
            _memory.Remove(readerId);
        }
    }

    public async ValueTask<ChainPosition> GetAsync(uint readerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_memory.TryGetValue(readerId, out ChainPosition? held))
            {
                return held;
            }
        }

        ChainPosition filed = await FiledAsync(readerId, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return _memory.TryAdd(readerId, filed) ? filed : _memory[readerId];
        }
    }

    public async ValueTask<bool> TryAdvanceAsync(uint readerId, ChainPosition expected, ChainPosition next, CancellationToken cancellationToken)
    {
        ChainPosition current = await GetAsync(readerId, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            current = _memory[readerId];
            if (current.Counter != expected.Counter || !ConstantTime.AreEqual(current.LastMac, 0, expected.LastMac, 0, SignedRecord.MacLength))
            {
                return false;
            }

            _memory[readerId] = next;
            return true;
        }
    }

    /// <summary>The position the ledger has filed: its last counter and the MAC after it (zeros when a new chain starts).</summary>
    public async Task<ChainPosition> FiledAsync(uint readerId, CancellationToken cancellationToken)
    {
        LedgerReader? reader = await _desk.GetAsync(readerId, cancellationToken).ConfigureAwait(false);
        if (reader is null || reader.LastCounter <= 0)
        {
            return ChainPosition.Start;
        }

        byte[] mac = reader.LastMac is { Length: SignedRecord.MacLength } m ? m : new byte[SignedRecord.MacLength];
        return new ChainPosition((uint)reader.LastCounter, mac, reader.LastNonce is { Length: SignedRecord.NonceLength } n ? n : null);
    }
}
