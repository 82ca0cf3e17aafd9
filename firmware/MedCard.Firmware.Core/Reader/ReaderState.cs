namespace MedCard.Firmware.Reader
{
    /// <summary>Where the reader is in a card transaction (see the state diagram in the README).</summary>
    public enum ReaderState
    {
        /// <summary>No card; polling the field.</summary>
        Idle = 0,

        /// <summary>A card arrived (presence confirmed); reading and verifying its holder data.</summary>
        ReadingCard = 1,

        /// <summary>Holder data verified and reported; waiting for the host's PinRequest or AuthorizeRequest.</summary>
        CardReady = 2,

        /// <summary>The host asked for the PIN; the keypad is being scanned.</summary>
        PinEntry = 3,

        /// <summary>Showing the outcome of an authorization (LED + beep) for a short while.</summary>
        ShowingResult = 4,

        /// <summary>Done with this card (refused, timed out or finished); waiting for it to be lifted.</summary>
        WaitingRemoval = 5,
    }
}
