using System;
using Key = MedCard.Firmware.Mfrc522.Tests.Cards.MifareAccessConditions.Key;

namespace MedCard.Firmware.Mfrc522.Tests.Cards
{
    /// <summary>
    /// MIFARE Classic 1K memory (MF1S50yyX section 8.6): 16 sectors of 4 blocks of 16 bytes; block 0 is the read-only
    /// manufacturer block (8.6.1), block 3 of each sector its trailer: key A (bytes 0-5), access bits (6-8), general
    /// purpose byte (9), key B (10-15) (8.6.3). Delivered in transport configuration: keys FFFFFFFFFFFFh, access bytes
    /// FF 07 80 (trailer condition 001, data 000), byte 9 = 69h (8.6.3 / 8.7.2). Reads and writes apply the access
    /// conditions of <see cref="MifareAccessConditions"/>; key A always reads back as zeros (8.6.3), key B too where
    /// it is not readable.
    /// </summary>
    public sealed class MifareClassic1KMemory
    {
        /// <summary>Blocks on a 1K card.</summary>
        public const int BlockCount = 64;

        /// <summary>MIFARE block size.</summary>
        public const int BlockSize = 16;

        private static readonly byte[] TransportKey = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

        private readonly byte[][] _blocks = new byte[BlockCount][];
        private readonly bool[] _blocked = new bool[16];

        /// <summary>Factory memory for a card with this UID, SAK and ATQA.</summary>
        public MifareClassic1KMemory(byte[] uid, byte sak, ushort atqa)
        {
            for (int b = 0; b < BlockCount; b++)
            {
                _blocks[b] = new byte[BlockSize];
            }

            // Manufacturer block (8.6.1): the UID, for a 4-byte NUID its BCC, then SAK, ATQA and manufacturer data.
            byte[] block0 = _blocks[0];
            Array.Copy(uid, block0, uid.Length);
            int at = uid.Length;
            if (uid.Length == 4)
            {
                block0[4] = (byte)(uid[0] ^ uid[1] ^ uid[2] ^ uid[3]);
                at = 5;
            }

            block0[at] = sak;
            block0[at + 1] = (byte)atqa;
            block0[at + 2] = (byte)(atqa >> 8);
            for (int sector = 0; sector < 16; sector++)
            {
                byte[] trailer = _blocks[TrailerOf(sector)];
                Array.Copy(TransportKey, 0, trailer, 0, 6);
                trailer[6] = 0xFF;
                trailer[7] = 0x07;
                trailer[8] = 0x80;
                trailer[9] = 0x69;
                Array.Copy(TransportKey, 0, trailer, 10, 6);
            }
        }

        /// <summary>Sector of a block.</summary>
        public static int SectorOf(int block)
        {
            return block / 4;
        }

        /// <summary>Trailer block of a sector.</summary>
        public static int TrailerOf(int sector)
        {
            return (sector * 4) + 3;
        }

        /// <summary>The raw stored block (for test set-up and inspection; bypasses access conditions).</summary>
        public byte[] Raw(int block)
        {
            return _blocks[block];
        }

        /// <summary>True once a write left inconsistent access bits in the sector (8.7.1: irreversibly blocked).</summary>
        public bool IsBlocked(int sector)
        {
            return _blocked[sector];
        }

        /// <summary>The key the card compares during authentication (8.6.3).</summary>
        public byte[] KeyOf(int sector, Key key)
        {
            byte[] trailer = _blocks[TrailerOf(sector)];
            byte[] k = new byte[6];
            Array.Copy(trailer, key == Key.A ? 0 : 10, k, 0, 6);
            return k;
        }

        /// <summary>Trailer condition C1C2C3 of a sector.</summary>
        public int TrailerCondition(int sector)
        {
            byte[] t = _blocks[TrailerOf(sector)];
            return MifareAccessConditions.Condition(t[7], t[8], 3);
        }

        /// <summary>True when a session with <paramref name="key"/> may touch memory at all (key B readable: never).</summary>
        public bool KeyGrantsAccess(int sector, Key key)
        {
            return key == Key.A || !MifareAccessConditions.KeyBReadable(TrailerCondition(sector));
        }

        /// <summary>The block as READ returns it, or null when the access conditions refuse it.</summary>
        public byte[] Read(int block, Key key)
        {
            int sector = SectorOf(block);
            if (!KeyGrantsAccess(sector, key))
            {
                return null;
            }

            byte[] stored = _blocks[block];
            if (block != TrailerOf(sector))
            {
                return CanAccessData(block, key, read: true) ? (byte[])stored.Clone() : null;
            }

            int condition = TrailerCondition(sector);
            byte[] view = new byte[BlockSize];
            if (MifareAccessConditions.CanReadAccessBits(condition, key))
            {
                Array.Copy(stored, 6, view, 6, 4);
            }

            if (MifareAccessConditions.CanReadKeyB(condition, key))
            {
                Array.Copy(stored, 10, view, 10, 6);
            }

            return view;
        }

        /// <summary>True when the first WRITE frame is to be acknowledged (something in the block is writable).</summary>
        public bool CanWrite(int block, Key key)
        {
            int sector = SectorOf(block);
            if (block == 0 || !KeyGrantsAccess(sector, key))
            {
                // The manufacturer block is programmed and locked in production (8.6.1).
                return false;
            }

            if (block != TrailerOf(sector))
            {
                return CanAccessData(block, key, read: false);
            }

            int condition = TrailerCondition(sector);
            return MifareAccessConditions.CanWriteKeyA(condition, key)
                || MifareAccessConditions.CanWriteAccessBits(condition, key)
                || MifareAccessConditions.CanWriteKeyB(condition, key);
        }

        /// <summary>
        /// Store a written block. In a trailer only the parts the key may write change; access bits whose inverted
        /// copies disagree block the sector for good (8.7.1).
        /// </summary>
        public void Write(int block, byte[] data, Key key)
        {
            int sector = SectorOf(block);
            byte[] stored = _blocks[block];
            if (block != TrailerOf(sector))
            {
                Array.Copy(data, stored, BlockSize);
                return;
            }

            int condition = TrailerCondition(sector);
            if (MifareAccessConditions.CanWriteKeyA(condition, key))
            {
                Array.Copy(data, 0, stored, 0, 6);
            }

            if (MifareAccessConditions.CanWriteAccessBits(condition, key))
            {
                Array.Copy(data, 6, stored, 6, 4);
            }

            if (MifareAccessConditions.CanWriteKeyB(condition, key))
            {
                Array.Copy(data, 10, stored, 10, 6);
            }

            if (!MifareAccessConditions.IsConsistent(stored[6], stored[7], stored[8]))
            {
                _blocked[sector] = true;
            }
        }

        private bool CanAccessData(int block, Key key, bool read)
        {
            byte[] t = _blocks[TrailerOf(SectorOf(block))];
            int condition = MifareAccessConditions.Condition(t[7], t[8], block % 4);
            return read ? MifareAccessConditions.CanReadData(condition, key) : MifareAccessConditions.CanWriteData(condition, key);
        }
    }
}
