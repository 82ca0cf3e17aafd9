namespace MedCard.Firmware.Keypad
{
    /// <summary>What a key did to the PIN being entered. None of these carries a digit value.</summary>
    public enum PinEntryEvent
    {
        /// <summary>The key means nothing here.</summary>
        Ignored = 0,

        /// <summary>A digit was appended (DigitCount went up by one).</summary>
        DigitAdded = 1,

        /// <summary>A digit was refused because the PIN already has the maximum length.</summary>
        TooLong = 2,

        /// <summary>Every digit was erased.</summary>
        Cleared = 3,

        /// <summary>The holder aborted PIN entry (Cancel, or Clear on an empty entry).</summary>
        Cancelled = 4,

        /// <summary>Enter with fewer than the minimum digits; the entry stays open.</summary>
        TooShort = 5,

        /// <summary>Enter with a valid length: the PIN is complete.</summary>
        Submitted = 6,
    }
}
