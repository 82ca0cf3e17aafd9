using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Host.Verification
{
    /// <summary>
    /// Where the integrator keeps each reader's 32-byte HMAC key (an HSM, a vault, an encrypted table).
    /// The library asks for a key only to verify or decrypt, and wipes its copy right after.
    /// </summary>
    public interface IReaderKeyStore
    {
        /// <summary>
        /// Returns a fresh copy of the reader's key (the caller wipes it), or null if this reader was
        /// never provisioned here: its records and PIN blocks are then refused.
        /// </summary>
        ValueTask<byte[]?> GetKeyAsync(uint readerId, CancellationToken cancellationToken = default);
    }
}
