using System;
using MedCard.Protocol;

namespace MedCard.Host.Pin
{
    /// <summary>
    /// The host side of the reader's per-transaction PIN key (firmware/MedCard.Firmware.Core/README.md):
    /// K_pin = HMAC-SHA256(readerKey, "MedCard.PinKey.v1" | readerId u32 BE | keyCounter u32 BE)[0..16).
    /// </summary>
    public static class PinKey
    {
        public const string Domain = "MedCard.PinKey.v1";

        public const int Length = 16;

        /// <summary>Writes K_pin into <paramref name="destination"/>; the caller wipes it.</summary>
        public static void Derive(IHmacSha256 hmac, byte[] readerKey, uint readerId, uint keyCounter, Span<byte> destination)
        {
            ArgumentNullException.ThrowIfNull(hmac);
            ArgumentNullException.ThrowIfNull(readerKey);
            if (destination.Length < Length)
            {
                throw new ArgumentException("The PIN key is 16 bytes.", nameof(destination));
            }
            byte[] input = new byte[Domain.Length + 8];
            for (int i = 0; i < Domain.Length; i++)
            {
                input[i] = (byte)Domain[i];
            }
            BigEndian.WriteUInt32(input, Domain.Length, readerId);
            BigEndian.WriteUInt32(input, Domain.Length + 4, keyCounter);
            byte[] full = hmac.Compute(readerKey, input, 0, input.Length);
            try
            {
                full.AsSpan(0, Length).CopyTo(destination);
            }
            finally
            {
                ConstantTime.Wipe(full);
            }
        }
    }
}
