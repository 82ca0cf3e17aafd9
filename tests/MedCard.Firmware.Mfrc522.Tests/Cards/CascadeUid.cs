using System;

namespace MedCard.Firmware.Mfrc522.Tests.Cards
{
    /// <summary>
    /// A UID split over the ISO/IEC 14443-3 cascade levels (6.5.4, Table 9): a single-size UID (4 bytes) fits cascade
    /// level 1; a double-size UID (7 bytes) sends the cascade tag 88h and UID0-2 at level 1, UID3-6 at level 2; a
    /// triple-size UID (10 bytes) needs three levels. Each level's 4 bytes are followed by BCC, their exclusive-or (6.5.4).
    /// </summary>
    public sealed class CascadeUid
    {
        /// <summary>The cascade tag CT (6.5.4).</summary>
        public const byte CascadeTag = 0x88;

        private readonly byte[][] _levels;

        /// <summary>Split a 4-, 7- or 10-byte UID.</summary>
        public CascadeUid(byte[] uid)
        {
            if (uid.Length != 4 && uid.Length != 7 && uid.Length != 10)
            {
                throw new ArgumentException("an ISO/IEC 14443-3 UID has 4, 7 or 10 bytes", nameof(uid));
            }

            Uid = (byte[])uid.Clone();
            int levels = uid.Length == 4 ? 1 : uid.Length == 7 ? 2 : 3;
            _levels = new byte[levels][];
            int taken = 0;
            for (int level = 0; level < levels; level++)
            {
                byte[] part = new byte[5];
                bool last = level == levels - 1;
                if (last)
                {
                    Array.Copy(uid, taken, part, 0, 4);
                    taken += 4;
                }
                else
                {
                    part[0] = CascadeTag;
                    Array.Copy(uid, taken, part, 1, 3);
                    taken += 3;
                }

                part[4] = (byte)(part[0] ^ part[1] ^ part[2] ^ part[3]);
                _levels[level] = part;
            }
        }

        /// <summary>The whole UID.</summary>
        public byte[] Uid { get; }

        /// <summary>Number of cascade levels (1-3).</summary>
        public int Levels => _levels.Length;

        /// <summary>UID CLn and its BCC (5 bytes) for level 0..Levels-1.</summary>
        public byte[] Level(int level)
        {
            return (byte[])_levels[level].Clone();
        }

        /// <summary>Bit i (0..39) of level n's UID CLn + BCC, in transmission order.</summary>
        public bool Bit(int level, int index)
        {
            return ((_levels[level][index / 8] >> (index % 8)) & 1) != 0;
        }
    }
}
