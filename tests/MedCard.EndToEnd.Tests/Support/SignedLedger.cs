using System.Collections.Generic;
using System.Threading.Tasks;
using MedCard.Protocol;

namespace MedCard.EndToEnd.Tests.Support;

/// <summary>
/// Every record the reader signed, by counter, collected from its journal after each step (before the host
/// acknowledges and prunes them), to compare with what the host accepted byte for byte.
/// </summary>
internal sealed class SignedLedger
{
    private readonly SortedDictionary<uint, string> _byCounter = new();

    public IReadOnlyDictionary<uint, string> ByCounter => _byCounter;

    public async Task CollectAsync(HostAndSimulator rig)
    {
        foreach (SignedRecord record in await rig.ReaderJournalAsync())
        {
            string bytes = RecordBytes.Hex(record);
            if (_byCounter.TryGetValue(record.Counter, out string? seen) && seen != bytes)
            {
                throw new Xunit.Sdk.XunitException("The reader's journal changed record " + record.Counter + ".");
            }

            _byCounter[record.Counter] = bytes;
        }
    }
}
