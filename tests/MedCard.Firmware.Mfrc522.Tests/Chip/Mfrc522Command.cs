namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>CommandReg[3:0] command codes, MFRC522 rev 3.9 section 10.3 (Table 149, "Command overview").</summary>
    public enum Mfrc522Command : byte
    {
        /// <summary>No action, cancels the current command (10.3.1.1).</summary>
        Idle = 0x0,

        /// <summary>Stores 25 bytes into the internal buffer, or reads them back into the FIFO (10.3.1.2).</summary>
        Mem = 0x1,

        /// <summary>Generates a 10-byte random ID number in the internal buffer (10.3.1.3).</summary>
        GenerateRandomID = 0x2,

        /// <summary>Activates the CRC coprocessor (10.3.1.4).</summary>
        CalcCRC = 0x3,

        /// <summary>Transmits the FIFO content (10.3.1.5).</summary>
        Transmit = 0x4,

        /// <summary>Changes CommandReg's PowerDown/RcvOff bits without touching the running command (10.3.1.6).</summary>
        NoCmdChange = 0x7,

        /// <summary>Activates the receiver (10.3.1.7).</summary>
        Receive = 0x8,

        /// <summary>Transmits the FIFO on StartSend and activates the receiver after transmission (10.3.1.8).</summary>
        Transceive = 0xC,

        /// <summary>MIFARE standard authentication as a reader (10.3.1.9).</summary>
        MFAuthent = 0xE,

        /// <summary>Resets the MFRC522 (10.3.1.10).</summary>
        SoftReset = 0xF,
    }
}
