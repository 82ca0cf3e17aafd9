namespace MedCard.Firmware.Hardware
{
    /// <summary>The reader's status LEDs (boards without one of them ignore it).</summary>
    public enum FeedbackLed
    {
        /// <summary>Green: ready / approved.</summary>
        Green = 0,

        /// <summary>Red: declined / error / refused card.</summary>
        Red = 1,

        /// <summary>Blue or yellow: busy talking to the card or host.</summary>
        Busy = 2,
    }
}
