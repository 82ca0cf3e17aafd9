using System;

namespace MedCard.Simulator.Card
{
    /// <summary>
    /// A MIFARE Classic 1K card in memory: 16 sectors of 4 blocks, each sector's last block its
    /// trailer (key A, access bits, GPB, key B). Fresh cards carry the factory transport keys
    /// (FF x 6) and access bytes FF 07 80 69. Access bits are stored but not enforced beyond "a
    /// sector opens with its key A or key B" — enough for the reader's read path and personalisation.
    /// </summary>
    public sealed class VirtualMifareCard
    {
        public const int BlockCount = 64;
        public const int BlockSize = 16;

        private readonly byte[] _blocks = new byte[BlockCount * BlockSize];

        public VirtualMifareCard(byte[] uid)
        {
            ArgumentNullException.ThrowIfNull(uid);
            if (uid.Length != 4 && uid.Length != 7 && uid.Length != 10)
            {
                throw new ArgumentException("A UID is 4, 7 or 10 bytes.", nameof(uid));
            }
            Uid = (byte[])uid.Clone();
            for (int sector = 0; sector < 16; sector++)
            {
                Span<byte> trailer = Block(sector * 4 + 3);
                trailer.Slice(0, 6).Fill(0xFF);
                trailer[6] = 0xFF;
                trailer[7] = 0x07;
                trailer[8] = 0x80;
                trailer[9] = 0x69;
                trailer.Slice(10, 6).Fill(0xFF);
            }
            // Manufacturer block: UID (first 4 bytes for single size) then filler.
            Uid.AsSpan(0, Math.Min(Uid.Length, 4)).CopyTo(Block(0));
        }

        public byte[] Uid { get; }

        public ushort Atqa { get; init; } = 0x0004;

        public byte Sak { get; init; } = 0x08;

        public Span<byte> Block(int blockNumber)
        {
            if (blockNumber < 0 || blockNumber >= BlockCount)
            {
                throw new ArgumentOutOfRangeException(nameof(blockNumber));
            }
            return _blocks.AsSpan(blockNumber * BlockSize, BlockSize);
        }

        /// <summary>True if <paramref name="key"/> is the sector's key A (or key B when <paramref name="keyB"/>).</summary>
        public bool KeyMatches(int sector, bool keyB, ReadOnlySpan<byte> key)
        {
            ReadOnlySpan<byte> trailer = Block(sector * 4 + 3);
            return trailer.Slice(keyB ? 10 : 0, 6).SequenceEqual(key);
        }
    }
}
