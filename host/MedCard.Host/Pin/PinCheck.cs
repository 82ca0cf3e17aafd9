namespace MedCard.Host.Pin
{
    /// <summary>The verifier's answer.</summary>
    public enum PinCheck
    {
        /// <summary>The PIN is the card's.</summary>
        Correct = 0,

        /// <summary>Wrong PIN; tries remain.</summary>
        Wrong = 1,

        /// <summary>Too many wrong PINs (or already blocked): reset at a service office.</summary>
        Blocked = 2,
    }
}
