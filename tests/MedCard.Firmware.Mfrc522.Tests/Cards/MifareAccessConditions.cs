namespace MedCard.Firmware.Mfrc522.Tests.Cards
{
    /// <summary>
    /// MIFARE Classic access conditions, from the NXP MF1S50yyX (MIFARE Classic EV1 1K) datasheet section 8.7:
    /// the access bits in trailer bytes 6-8 and their inverted copies (8.7.1, Figure 10), the sector trailer table
    /// (8.7.2, Table 7) and the data block table (8.7.3, Table 8). A condition is C1C2C3 as a number (C1 most
    /// significant). Where key B is readable (trailer conditions 000, 010, 001) it cannot serve for authentication:
    /// the authentication itself succeeds but "the card will refuse any subsequent memory access" (8.7.2 remark).
    /// </summary>
    public static class MifareAccessConditions
    {
        /// <summary>Which key the current session was authenticated with.</summary>
        public enum Key
        {
            A,
            B,
        }

        /// <summary>False when the inverted copies disagree: the sector is then blocked for good (8.7.1).</summary>
        public static bool IsConsistent(byte b6, byte b7, byte b8)
        {
            int notC1 = b6 & 0xF;
            int notC2 = b6 >> 4;
            int c1 = b7 >> 4;
            int notC3 = b7 & 0xF;
            int c2 = b8 & 0xF;
            int c3 = b8 >> 4;
            return (c1 ^ notC1) == 0xF && (c2 ^ notC2) == 0xF && (c3 ^ notC3) == 0xF;
        }

        /// <summary>C1C2C3 of block group 0-3 (3 = the trailer) from trailer bytes 6-8.</summary>
        public static int Condition(byte b7, byte b8, int group)
        {
            int c1 = (b7 >> (4 + group)) & 1;
            int c2 = (b8 >> group) & 1;
            int c3 = (b8 >> (4 + group)) & 1;
            return (c1 << 2) | (c2 << 1) | c3;
        }

        /// <summary>Data block read (Table 8).</summary>
        public static bool CanReadData(int condition, Key key)
        {
            switch (condition)
            {
                case 0: case 2: case 4: case 6: case 1: return true;
                case 3: case 5: return key == Key.B;
                default: return false;
            }
        }

        /// <summary>Data block write (Table 8).</summary>
        public static bool CanWriteData(int condition, Key key)
        {
            switch (condition)
            {
                case 0: return true;
                case 4: case 6: case 3: return key == Key.B;
                default: return false;
            }
        }

        /// <summary>Key B readable (Table 7): then key B never grants memory access.</summary>
        public static bool KeyBReadable(int trailerCondition)
        {
            return trailerCondition == 0 || trailerCondition == 2 || trailerCondition == 1;
        }

        /// <summary>Read key B (Table 7; only where readable, and then with key A).</summary>
        public static bool CanReadKeyB(int trailerCondition, Key key)
        {
            return KeyBReadable(trailerCondition) && key == Key.A;
        }

        /// <summary>Write key A (Table 7).</summary>
        public static bool CanWriteKeyA(int trailerCondition, Key key)
        {
            switch (trailerCondition)
            {
                case 0: case 1: return key == Key.A;
                case 4: case 3: return key == Key.B;
                default: return false;
            }
        }

        /// <summary>Read the access bits (Table 7): always, with A, or with A or B where key B is secret.</summary>
        public static bool CanReadAccessBits(int trailerCondition, Key key)
        {
            return KeyBReadable(trailerCondition) ? key == Key.A : true;
        }

        /// <summary>Write the access bits and byte 9 (Table 7).</summary>
        public static bool CanWriteAccessBits(int trailerCondition, Key key)
        {
            switch (trailerCondition)
            {
                case 1: return key == Key.A;
                case 3: case 5: return key == Key.B;
                default: return false;
            }
        }

        /// <summary>Write key B (Table 7).</summary>
        public static bool CanWriteKeyB(int trailerCondition, Key key)
        {
            switch (trailerCondition)
            {
                case 0: case 1: return key == Key.A;
                case 4: case 3: return key == Key.B;
                default: return false;
            }
        }
    }
}
