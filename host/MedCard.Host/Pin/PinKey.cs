using System;
using MedCard.Protocol;

namespace MedCard.Host.Pin
{
    /// <summary>
    /// The host side of the reader's per-transaction PIN key. The derivation itself lives once, in
    /// <see cref="PinKeyDerivation"/> (shared/MedCard.Protocol), which the firmware core uses too; this adapter only
    /// offers it to a <see cref="Span{T}"/> destination.
    /// </summary>
    public static class PinKey
    {
        /// <summary>Domain prefix of the derivation input (<see cref="PinKeyDerivation.Domain"/>).</summary>
        public const string Domain = PinKeyDerivation.Domain;

        /// <summary>AES-128 key length.</summary>
        public const int Length = PinKeyDerivation.KeyLength;

        /// <summary>Writes K_pin into <paramref name="destination"/>; the caller wipes it.</summary>
        public static void Derive(IHmacSha256 hmac, byte[] readerKey, uint readerId, uint keyCounter, Span<byte> destination)
        {
            ArgumentNullException.ThrowIfNull(hmac);
            ArgumentNullException.ThrowIfNull(readerKey);
            if (destination.Length < Length)
            {
                throw new ArgumentException("The PIN key is 16 bytes.", nameof(destination));
            }
            byte[] key = new byte[Length];
            try
            {
                PinKeyDerivation.Derive(hmac, readerKey, readerId, keyCounter, key);
                key.AsSpan().CopyTo(destination);
            }
            finally
            {
                ConstantTime.Wipe(key);
            }
        }
    }
}
