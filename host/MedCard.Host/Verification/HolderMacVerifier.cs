using System;
using System.Security.Cryptography;
using MedCard.Protocol;

namespace MedCard.Host.Verification
{
    /// <summary>
    /// The host as issuer, for the card's holder data: checks the issuer MAC a reader forwards in CardPresented. Readers
    /// cannot check it themselves (they do not hold the issuer's holder-data MAC key), so without this check a card
    /// whose sectors were rewritten (tampered fields, data copied from another card, a card written by someone who
    /// extracted a reader's key) would pass. The 128 covered bytes are rebuilt from the forwarded fields
    /// (<see cref="HolderImageLayout.WriteCovered"/>: every byte follows from them) and the MAC compared in constant time
    /// (<see cref="HolderDataMac"/>). Thread-safe; the key is copied in and wiped by <see cref="Dispose"/>.
    /// </summary>
    public sealed class HolderMacVerifier : IDisposable
    {
        private readonly byte[] _key;
        private readonly IHmacSha256 _hmac;
        private readonly object _sync = new object();

        /// <summary>Verify with the issuer's 32-byte holder-data MAC key (copied).</summary>
        public HolderMacVerifier(ReadOnlySpan<byte> holderMacKey, IHmacSha256? hmac = null)
        {
            if (holderMacKey.Length != HolderDataMac.KeyLength)
            {
                throw new ArgumentException("The holder-data MAC key is 32 bytes.", nameof(holderMacKey));
            }

            _key = holderMacKey.ToArray();
            _hmac = hmac ?? new Crypto.DotNetHmacSha256();
        }

        /// <summary>
        /// True when <paramref name="presented"/> carries holder data (status Ok) whose issuer MAC is the issuer's for
        /// these fields and this UID; false for anything else.
        /// </summary>
        public bool Verify(CardPresented presented)
        {
            ArgumentNullException.ThrowIfNull(presented);
            if (presented.HolderStatus != HolderDataStatus.Ok || presented.Uid is null || presented.IssuerMac is not { Length: HolderDataMac.Length }
                || presented.ResidentId is null || presented.CardNumber is null || presented.NameUtf8 is null)
            {
                return false;
            }

            byte[] image = new byte[HolderImageLayout.CoveredLength];
            HolderImageLayout.WriteCovered(presented.ResidentId, (byte)presented.Gender, presented.CardNumber, presented.NameUtf8,
                presented.NameUtf8.Length, image, 0);
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return new HolderDataMac(_hmac).Verify(_key, presented.Uid, presented.Uid.Length, image, 0, presented.IssuerMac, 0);
            }
        }

        /// <summary>
        /// The event as the integrator should see it: unchanged when the MAC verifies; otherwise the same card with status
        /// BadIssuerMac and no holder fields (nothing a forger wrote reaches the caller).
        /// </summary>
        public CardPresented Judge(CardPresented presented)
        {
            ArgumentNullException.ThrowIfNull(presented);
            if (presented.HolderStatus != HolderDataStatus.Ok || Verify(presented))
            {
                return presented;
            }

            return new CardPresented
            {
                Uid = presented.Uid, Atqa = presented.Atqa, Sak = presented.Sak, HolderStatus = HolderDataStatus.BadIssuerMac,
            };
        }

        private bool _disposed;

        /// <summary>Wipes the key.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                CryptographicOperations.ZeroMemory(_key);
                _disposed = true;
            }
        }

        /// <summary>Names the type only: the key never reaches a string.</summary>
        public override string ToString() => "HolderMacVerifier(****)";
    }
}
