namespace MedCard.Firmware.Hardware
{
    /// <summary>Buzzer patterns; the adapter owns their exact timing.</summary>
    public enum BeepPattern
    {
        /// <summary>Silence (stop any pattern in progress).</summary>
        None = 0,

        /// <summary>Very short click, acknowledges a key press.</summary>
        KeyClick = 1,

        /// <summary>One short beep: card read.</summary>
        Short = 2,

        /// <summary>Two short beeps: transaction approved.</summary>
        Success = 3,

        /// <summary>One long beep: declined, refused card or error.</summary>
        Failure = 4,
    }
}
