namespace MedCard.Firmware.Storage
{
    /// <summary>Outcome of a storage operation the reader reports to the host.</summary>
    public enum StorageStatus
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>The journal holds its maximum of unacknowledged records: no new transaction until the host acks.</summary>
        JournalFull = 1,

        /// <summary>The counter reached its maximum; the reader can never sign again under this reader id.</summary>
        CounterExhausted = 2,

        /// <summary>The byte store failed (write error or read-back mismatch); nothing was committed.</summary>
        WriteFailed = 3,
    }
}
