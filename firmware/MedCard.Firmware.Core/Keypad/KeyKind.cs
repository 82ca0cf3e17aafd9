namespace MedCard.Firmware.Keypad
{
    /// <summary>What a key means for PIN entry.</summary>
    public enum KeyKind
    {
        /// <summary>Not used for PIN entry (A/B on a 4x4 keypad).</summary>
        None = 0,

        /// <summary>0-9.</summary>
        Digit = 1,

        /// <summary>Submit the PIN ('#').</summary>
        Enter = 2,

        /// <summary>Erase every digit typed so far ('*', 'C'); on an empty entry it cancels, so a 4x3 keypad can cancel too.</summary>
        Clear = 3,

        /// <summary>Abort PIN entry ('D' on a 4x4 keypad).</summary>
        Cancel = 4,
    }
}
