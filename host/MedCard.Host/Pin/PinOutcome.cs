namespace MedCard.Host.Pin
{
    /// <summary>How a PIN request ended, from the holder's keypad to the verifier.</summary>
    public enum PinOutcome
    {
        /// <summary>The verifier accepted the PIN.</summary>
        Correct = 0,
        /// <summary>The verifier refused the PIN; tries remain.</summary>
        Wrong = 1,
        /// <summary>The card's PIN is blocked: reset at a service office.</summary>
        Blocked = 2,

        /// <summary>The holder pressed cancel on the keypad.</summary>
        Cancelled = 3,

        /// <summary>No complete entry before the reader's timeout.</summary>
        TimedOut = 4,

        /// <summary>The card left the field (or none was there).</summary>
        NoCard = 5,

        /// <summary>The card is on the reader's hotlist.</summary>
        Hotlisted = 6,

        /// <summary>The reader has no key (not provisioned), or this host has no key for it.</summary>
        UnknownReader = 7,

        /// <summary>The block did not decipher to a valid PIN field: wrong key, wrong card number, or forged.</summary>
        UndecodableBlock = 8,

        /// <summary>The block's key counter is not above the last accepted record: a replayed block.</summary>
        StaleBlock = 9,
    }
}
