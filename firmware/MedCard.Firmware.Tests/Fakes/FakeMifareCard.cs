using System;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// A MIFARE Classic 1K in memory: 64 blocks, per-sector keys and access bits in the trailers, as shipped
    /// (keys FF..FF, access FF 07 80). Authentication checks the trailer keys; reads and writes check the access
    /// conditions we use (data 000/100, trailer 001/011); a trailer reads back with its key A (and unreadable
    /// key B) as zeros. <see cref="DropWrites"/> makes the chip acknowledge writes without storing them.
    /// </summary>
    public sealed class FakeMifareCard
    {
        public readonly byte[] Memory = new byte[64 * 16];
        public readonly byte[] Uid;
        public ushort Atqa = 0x0004;
        public byte Sak = 0x08;

        /// <summary>Writes are acknowledged but not stored (a failing chip): read-back must catch it.</summary>
        public bool DropWrites;

        public FakeMifareCard(byte[] uid)
        {
            Uid = uid;
            for (int sector = 0; sector < 16; sector++)
            {
                int t = ((sector * 4) + 3) * 16;
                for (int i = 0; i < 6; i++)
                {
                    Memory[t + i] = 0xFF;
                    Memory[t + 10 + i] = 0xFF;
                }

                Memory[t + 6] = 0xFF;
                Memory[t + 7] = 0x07;
                Memory[t + 8] = 0x80;
                Memory[t + 9] = 0x69;
            }

            Array.Copy(uid, Memory, uid.Length < 16 ? uid.Length : 16);
        }

        public bool KeyMatches(int sector, MifareKeyType type, byte[] key, int off)
        {
            int t = ((sector * 4) + 3) * 16 + (type == MifareKeyType.KeyA ? 0 : 10);
            for (int i = 0; i < 6; i++)
            {
                if (Memory[t + i] != key[off + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Access condition C1C2C3 (0-7) of block index 0-3 within a sector.</summary>
        public int Condition(int sector, int blockInSector)
        {
            int t = ((sector * 4) + 3) * 16;
            int c1 = (Memory[t + 7] >> (4 + blockInSector)) & 1;
            int c2 = (Memory[t + 8] >> blockInSector) & 1;
            int c3 = (Memory[t + 8] >> (4 + blockInSector)) & 1;
            return (c1 << 2) | (c2 << 1) | c3;
        }

        public bool CanRead(int block, MifareKeyType key)
        {
            int sector = block / 4;
            int b = block % 4;
            int c = Condition(sector, b);
            if (b == 3)
            {
                return true;
            }

            // 000, 010, 100, 110, 001: A or B; 011, 101: B only; 111: never.
            if (c == 7)
            {
                return false;
            }

            return key == MifareKeyType.KeyB || !(c == 3 || c == 5);
        }

        public bool CanWrite(int block, MifareKeyType key)
        {
            int sector = block / 4;
            int b = block % 4;
            int c = Condition(sector, b);
            if (b == 3)
            {
                // Trailer: 000 and 001 let key A write; 011 and 100 let key B write; others never.
                if (c == 0 || c == 1)
                {
                    return key == MifareKeyType.KeyA;
                }

                return (c == 3 || c == 4) && key == MifareKeyType.KeyB;
            }

            if (c == 0)
            {
                return true;
            }

            return (c == 4 || c == 6 || c == 3) && key == MifareKeyType.KeyB;
        }

        /// <summary>Block content as the card returns it (trailer key A, and key B unless readable, as zeros).</summary>
        public void ReadBlock(int block, byte[] buffer, int offset)
        {
            Array.Copy(Memory, block * 16, buffer, offset, 16);
            if (block % 4 == 3)
            {
                Array.Clear(buffer, offset, 6);
                Array.Clear(buffer, offset + 10, 6);
            }
        }

        public void WriteBlock(int block, byte[] data, int offset)
        {
            if (!DropWrites)
            {
                Array.Copy(data, offset, Memory, block * 16, 16);
            }
        }

        /// <summary>A copy of this card's memory onto a card with another UID (a clone on a magic card).</summary>
        public FakeMifareCard CloneTo(byte[] otherUid)
        {
            FakeMifareCard clone = new FakeMifareCard(otherUid);
            Array.Copy(Memory, 16, clone.Memory, 16, Memory.Length - 16);
            return clone;
        }
    }
}
