namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// Every interval and timeout of the reader, in milliseconds unless named otherwise. The defaults suit
    /// an MFRC522 and a membrane keypad; tests shorten nothing, they drive a fake clock instead.
    /// </summary>
    public sealed class ReaderTimings
    {
        /// <summary>How often the field is polled for presence (MFRC522 one-shot REQA/WUPA).</summary>
        public int PresencePollMs = 100;

        /// <summary>Consecutive polls that must see the same UID before a card counts as arrived.</summary>
        public int PresenceConfirmPolls = 2;

        /// <summary>Consecutive missed polls before a card counts as lifted...</summary>
        public int RemovalMissPolls = 3;

        /// <summary>...and at least this long since it last answered (a resting card may miss a poll or two).</summary>
        public int RemovalMinMs = 350;

        /// <summary>Attempts at reading the holder data (with a reselect between) before giving up.</summary>
        public int CardReadAttempts = 3;

        /// <summary>Pause between two read attempts (lets an RF glitch or a card still settling pass).</summary>
        public int CardReadRetryMs = 50;

        /// <summary>How long a reported card waits for the host's next request before the reader gives up on it.</summary>
        public int HostWaitMs = 60000;

        /// <summary>Longest pause between two key presses during PIN entry.</summary>
        public int PinInterKeyMs = 15000;

        /// <summary>Minimum interval between keypad scans during PIN entry.</summary>
        public int KeypadScanMs = 5;

        /// <summary>Keypad debounce window.</summary>
        public int KeypadDebounceMs = 30;

        /// <summary>How long the outcome LED stays on.</summary>
        public int FeedbackMs = 1500;

        /// <summary>Interval between copies of an event the host has not acknowledged (protocol rule 8).</summary>
        public int EventResendMs = 250;

        /// <summary>Re-sends of an unacknowledged event after the first copy (protocol rule 8: at most 3).</summary>
        public int EventResends = 3;
    }
}
