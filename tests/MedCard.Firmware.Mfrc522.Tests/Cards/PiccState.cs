namespace MedCard.Firmware.Mfrc522.Tests.Cards
{
    /// <summary>
    /// Card states: ISO/IEC 14443-3 6.3 (Figure 7: POWER-OFF, IDLE, READY, ACTIVE, HALT) plus the MIFARE Classic
    /// states after authentication (MF1S50yyX 8.4, Figure 5 "MIFARE Classic command flow"). "Came from HALT" (the
    /// starred READY*/ACTIVE* states) is kept beside the state, since an error sends those back to HALT, not IDLE.
    /// </summary>
    public enum PiccState
    {
        PowerOff,
        Idle,
        Ready,
        Active,
        Halt,

        /// <summary>ACTIVE with a Crypto1 session: every frame is encrypted from here on.</summary>
        Authenticated,

        /// <summary>Authenticated, after an acknowledged first WRITE frame: the next frame carries the 16 data bytes.</summary>
        WriteAwaitingData,

        /// <summary>Sent its nonce to a plain AUTH frame (a Transceive, not MFAuthent): waits for the reader's answer.</summary>
        AuthNonceSent,
    }
}
