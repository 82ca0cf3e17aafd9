namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// A proximity card (PICC, ISO/IEC 14443-1) as the field sees it: it is powered by the reader's field and answers
    /// frames. The MFRC522's MFAuthent runs the MIFARE three-pass authentication inside the chip (rev 3.9 10.3.1.9),
    /// so the card is offered that exchange as a whole.
    /// </summary>
    public interface IPicc
    {
        /// <summary>The field came up (or the card entered it): power-on reset to IDLE (ISO/IEC 14443-3 6.3.2).</summary>
        void PowerOn();

        /// <summary>The field went down or the card left: every state, Crypto1 session included, is lost.</summary>
        void PowerOff();

        /// <summary>Answer one frame, or null when the card stays silent.</summary>
        RfFrame Receive(RfFrame frame);

        /// <summary>
        /// The MIFARE Classic three-pass authentication (MF1S50yyX 8.6, Crypto1). True when the card answered every
        /// pass; false when it stayed silent at any point (not selected, wrong key, wrong UID, wrong channel).
        /// </summary>
        bool Authenticate(byte command, byte block, byte[] key, byte[] uid4, bool encryptedRequest);
    }
}
