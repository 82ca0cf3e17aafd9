namespace MedCard.Firmware.Reader
{
    /// <summary>What a presence poll concluded.</summary>
    public enum PresenceChange
    {
        /// <summary>Nothing changed (or not time to poll yet).</summary>
        None = 0,

        /// <summary>A card has been seen on enough consecutive polls.</summary>
        Arrived = 1,

        /// <summary>The present card has missed enough polls for long enough.</summary>
        Left = 2,
    }
}
