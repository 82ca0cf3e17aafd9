namespace MedCard.Firmware.Card
{
    /// <summary>Outcome of writing holder data to a blank card.</summary>
    public enum PersonaliseStatus
    {
        /// <summary>Written and every block read back identical; the card now reads Ok.</summary>
        Ok = 0,

        /// <summary>Not a MIFARE Classic 1K.</summary>
        UnsupportedCard = 1,

        /// <summary>The transport key does not open a holder sector: not blank (already personalised?).</summary>
        NotBlank = 2,

        /// <summary>A data block write failed or read back different; the card is unusable until re-run.</summary>
        DataWriteFailed = 3,

        /// <summary>A sector trailer write failed, or the new keys/access bits did not verify afterwards.</summary>
        TrailerWriteFailed = 4,
    }
}
