namespace MedCard.Simulator.Hardware;

/// <summary>
/// The MIFARE Classic access-condition table (NXP MF1S50yyX datasheet, section 8.7): which key may read or
/// write a data block or each part of a sector trailer, given the block's C1C2C3 bits. The virtual card
/// enforces it so the firmware's personaliser and reader are exercised against the real rules, not a
/// permissive fake.
/// </summary>
internal static class MifareAccess
{
    /// <summary>Who may do something: never, key A, key B, or either.</summary>
    [System.Flags]
    internal enum Keys
    {
        Never = 0,
        A = 1,
        B = 2,
        AorB = A | B,
    }

    /// <summary>C1C2C3 of block <paramref name="blockInSector"/> (0..3) from trailer bytes 6..8, or -1 when the bytes are inconsistent.</summary>
    public static int Condition(byte[] trailer, int blockInSector)
    {
        byte b6 = trailer[6];
        byte b7 = trailer[7];
        byte b8 = trailer[8];
        int c1 = (b7 >> (4 + blockInSector)) & 1;
        int c2 = (b8 >> blockInSector) & 1;
        int c3 = (b8 >> (4 + blockInSector)) & 1;
        int nc1 = (b6 >> blockInSector) & 1;
        int nc2 = (b6 >> (4 + blockInSector)) & 1;
        int nc3 = (b7 >> blockInSector) & 1;
        if (nc1 == c1 || nc2 == c2 || nc3 == c3)
        {
            return -1; // a real card blocks the sector irreversibly when the inverted copies disagree
        }

        return (c1 << 2) | (c2 << 1) | c3;
    }

    /// <summary>Key B is readable under trailer conditions 000, 010 and 001; it then cannot authenticate.</summary>
    public static bool KeyBReadable(int trailerCondition) => trailerCondition is 0b000 or 0b010 or 0b001;

    public static Keys DataRead(int c) => c switch
    {
        0b000 or 0b010 or 0b100 or 0b110 or 0b001 => Keys.AorB,
        0b011 or 0b101 => Keys.B,
        _ => Keys.Never,
    };

    public static Keys DataWrite(int c) => c switch
    {
        0b000 => Keys.AorB,
        0b100 or 0b110 or 0b011 => Keys.B,
        _ => Keys.Never,
    };

    public static Keys TrailerKeyAWrite(int c) => c switch
    {
        0b000 or 0b001 => Keys.A,
        0b100 or 0b011 => Keys.B,
        _ => Keys.Never,
    };

    public static Keys TrailerAccessRead(int c) => c switch
    {
        0b000 or 0b010 or 0b001 => Keys.A,
        _ => Keys.AorB,
    };

    public static Keys TrailerAccessWrite(int c) => c switch
    {
        0b001 => Keys.A,
        0b011 or 0b101 => Keys.B,
        _ => Keys.Never,
    };

    public static Keys TrailerKeyBRead(int c) => c switch
    {
        0b000 or 0b010 or 0b001 => Keys.A,
        _ => Keys.Never,
    };

    public static Keys TrailerKeyBWrite(int c) => c switch
    {
        0b000 or 0b001 => Keys.A,
        0b100 or 0b011 => Keys.B,
        _ => Keys.Never,
    };

    public static bool Allows(Keys who, bool usingKeyB) => (who & (usingKeyB ? Keys.B : Keys.A)) != 0;
}
