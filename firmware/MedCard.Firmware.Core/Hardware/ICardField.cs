namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// The contactless front end (MFRC522 on the device). Every call is a single short exchange:
    /// the core does its own timing, retries and debouncing, so implementations must not loop or sleep.
    /// All methods return false on any failure (no card, CRC, timeout, NAK); they throw only for
    /// programming errors (bad arguments).
    /// </summary>
    public interface ICardField
    {
        /// <summary>
        /// One-shot REQA/WUPA + anticollision + select. On success fills <paramref name="card"/>
        /// (caller-owned, reused) and leaves the card selected for the MIFARE calls below.
        /// A halted card must still answer (use WUPA), so a card resting on the antenna keeps answering.
        /// </summary>
        bool TryDetect(DetectedCard card);

        /// <summary>
        /// MIFARE Classic authenticate for the sector containing <paramref name="blockNumber"/>,
        /// using the UID of the last detected card and a 6-byte key at <paramref name="key"/>[offset].
        /// </summary>
        bool Authenticate(int blockNumber, MifareKeyType keyType, byte[] key, int keyOffset);

        /// <summary>Read one 16-byte block into buffer[offset..offset+16) (authenticated sector only).</summary>
        bool ReadBlock(int blockNumber, byte[] buffer, int offset);

        /// <summary>Write one 16-byte block from data[offset..offset+16) (authenticated sector only).</summary>
        bool WriteBlock(int blockNumber, byte[] data, int offset);

        /// <summary>
        /// Bring the card back to a state where it can be authenticated again after a failed
        /// MIFARE command (a failed auth leaves a Classic card HALTed/idle). Maps to MifareCard.ReselectCard().
        /// </summary>
        bool Reselect();

        /// <summary>
        /// Send HLTA and drop the crypto session. Failures are ignored. The reader core does not call it (a halted
        /// card answers only WUPA, and presence polling must keep seeing a card resting on the reader); it is
        /// there for tools such as a personalisation station.
        /// </summary>
        void Halt();
    }
}
