namespace MedCard.Firmware.Reader
{
    /// <summary>
    /// What the journal says about an AuthorizeRequest's host nonce (spec rule 7: the reader never signs two
    /// records for one nonce). Checked before anything else about the request, so the answer is the same whether
    /// or not the card is still on the reader.
    /// </summary>
    public enum NonceReplay
    {
        /// <summary>No unacknowledged record carries the nonce: a new transaction.</summary>
        None = 0,

        /// <summary>A journaled record carries the nonce and the same card number, amount, type and time: answer Approved with it.</summary>
        SameTransaction = 1,

        /// <summary>A journaled record carries the nonce with other fields: answer Error InvalidState.</summary>
        Conflict = 2,

        /// <summary>The nonce is journaled but its record no longer reads back: refuse (StorageFailure), never sign again.</summary>
        Unreadable = 3,
    }
}
