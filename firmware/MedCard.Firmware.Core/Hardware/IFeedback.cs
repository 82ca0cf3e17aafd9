namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// LEDs and buzzer. Calls return at once: an adapter that plays a timed pattern does it in the
    /// background (a Timer on the device) so the poll loop never stalls on a beep.
    /// </summary>
    public interface IFeedback
    {
        /// <summary>Switch one LED on or off.</summary>
        void SetLed(FeedbackLed led, bool on);

        /// <summary>Start a buzzer pattern, replacing any pattern still playing.</summary>
        void Beep(BeepPattern pattern);
    }
}
