namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// What the reader's receiver gets back for one frame: the superposed answers of every card that answered, and the
    /// index of the first bit where two cards sent different values (a collision, ISO/IEC 14443-3 6.4.4: Manchester
    /// coding lets the reader see a bit in which one card modulates the first half and another the second half).
    /// </summary>
    public sealed class FieldAnswer
    {
        /// <summary>Nothing answered.</summary>
        public static readonly FieldAnswer Silence = new FieldAnswer(null, -1);

        /// <summary>Create an answer.</summary>
        public FieldAnswer(RfFrame frame, int firstCollisionBit)
        {
            Frame = frame;
            FirstCollisionBit = firstCollisionBit;
        }

        /// <summary>The received bits (OR of all answers), or null for silence.</summary>
        public RfFrame Frame { get; }

        /// <summary>Index of the first collided bit, or -1.</summary>
        public int FirstCollisionBit { get; }
    }
}
