namespace MedCard.Protocol
{
    /// <summary>Outcome of an AuthorizeRequest. Only Approved carries a record; every refusal signs nothing and
    /// leaves the counter untouched.</summary>
    public enum AuthorizeStatus : byte
    {
        /// <summary>The reader signed; the record follows.</summary>
        Approved = 0,

        /// <summary>The journal holds its maximum of unacknowledged records: read and acknowledge it first.</summary>
        JournalFull = 1,

        /// <summary>The card is on the reader's hotlist.</summary>
        Hotlisted = 2,

        /// <summary>The reader has no id/key yet.</summary>
        NotProvisioned = 3,

        /// <summary>The card left the field before signing.</summary>
        CardRemoved = 4,

        /// <summary>No card in the field.</summary>
        NoCard = 5,

        /// <summary>The request's card number is not the card in the field.</summary>
        CardMismatch = 6,

        /// <summary>The counter reached 0xFFFFFFFF: the reader must be re-provisioned under a new id.</summary>
        CounterExhausted = 7,

        /// <summary>Persisting the counter or journal failed; nothing was signed.</summary>
        StorageFailure = 8,

        /// <summary>No PIN was entered for this card since it was presented.</summary>
        PinRequired = 9,
    }
}
