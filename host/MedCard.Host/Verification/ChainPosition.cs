using System;

namespace MedCard.Host.Verification
{
    /// <summary>
    /// The last record accepted from one reader: its counter and MAC. The next record must carry a
    /// higher counter, and (when it is the very next counter) this MAC as its previous MAC.
    /// </summary>
    public sealed record ChainPosition
    {
        /// <summary>Position after the record with <paramref name="counter"/> and MAC <paramref name="lastMac"/> (16 bytes, copied).</summary>
        public ChainPosition(uint counter, byte[] lastMac, byte[]? lastNonce = null)
        {
            ArgumentNullException.ThrowIfNull(lastMac);
            if (lastMac.Length != MedCard.Protocol.SignedRecord.MacLength)
            {
                throw new ArgumentException("A record MAC is 16 bytes.", nameof(lastMac));
            }
            Counter = counter;
            LastMac = (byte[])lastMac.Clone();
            LastNonce = lastNonce is null ? null : (byte[])lastNonce.Clone();
        }

        /// <summary>Counter of the last accepted record; 0 = none yet (freshly provisioned reader).</summary>
        public uint Counter { get; }

        /// <summary>MAC of that record; all zero when <see cref="Counter"/> is 0.</summary>
        public byte[] LastMac { get; }

        /// <summary>
        /// Host nonce of that record (null when unknown). A reader that lost its answer cache (reboot)
        /// may sign a resent request a second time: the next record then carries the same nonce.
        /// </summary>
        public byte[]? LastNonce { get; }

        /// <summary>The position of a reader that has signed nothing yet.</summary>
        public static ChainPosition Start { get; } = new ChainPosition(0, new byte[MedCard.Protocol.SignedRecord.MacLength]);
    }
}
