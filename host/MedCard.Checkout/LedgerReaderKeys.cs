using System.Threading;
using System.Threading.Tasks;
using MedCard.Host.Verification;
using MedCard.Settlement.Services;

namespace MedCard.Checkout;

/// <summary>The reader keys the ledger's readers table holds, as the host library's key store.</summary>
internal sealed class LedgerReaderKeys(ReaderDesk desk) : IReaderKeyStore
{
    public async ValueTask<byte[]?> GetKeyAsync(uint readerId, CancellationToken cancellationToken) =>
        await desk.GetKeyAsync(readerId, cancellationToken).ConfigureAwait(false);
}
