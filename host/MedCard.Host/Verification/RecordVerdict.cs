namespace MedCard.Host.Verification
{
    /// <summary>What the host concluded about one signed record.</summary>
    public enum RecordVerdict
    {
        /// <summary>Genuine, and the next record in the reader's chain. Counted.</summary>
        Accepted = 0,

        /// <summary>
        /// Genuine and chained to the last accepted record, but counters were skipped: the reader
        /// persisted them and lost power before signing. Counted; the skipped range is reported.
        /// </summary>
        AcceptedAfterUnusedCounters = 1,

        /// <summary>The last accepted record delivered again (a resend, a reconnect). Not counted again.</summary>
        AlreadyAccepted = 2,

        /// <summary>A counter at or below the last accepted one that is not the last record itself: replay or reordering.</summary>
        Replayed = 3,

        /// <summary>The MAC does not match under the reader's key: forged or corrupted.</summary>
        Forged = 4,

        /// <summary>Genuine, but records between the last accepted one and this one were signed and not seen: read them from the journal first.</summary>
        MissingRecords = 5,

        /// <summary>Genuine and the very next counter, but its previous MAC is not the last accepted MAC: the reader's chain diverged (re-provisioned, restored storage).</summary>
        ChainBroken = 6,

        /// <summary>Signed by a different reader than the one on this link.</summary>
        WrongReader = 7,

        /// <summary>
        /// Genuine and next in the chain, but it signs the same host request (same nonce, amount, card)
        /// as the previous record: the reader signed a resend twice (its answer cache was lost in a
        /// reboot). The chain advances past it; it is not counted again.
        /// </summary>
        DuplicateSigning = 9,

        /// <summary>The reader has no key in the key store (never provisioned here, or reader id 0).</summary>
        UnknownReader = 8,
    }
}
