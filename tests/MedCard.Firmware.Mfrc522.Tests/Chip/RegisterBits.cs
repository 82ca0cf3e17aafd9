namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The bit fields of the registers the model gives behaviour to, named after the MFRC522 rev 3.9 register
    /// descriptions (section 9.3; the sub-section of each register is given on its class).
    /// </summary>
    public static class RegisterBits
    {
        /// <summary>CommandReg, 9.3.1.2.</summary>
        public static class Command
        {
            public const byte RcvOff = 0x20;
            public const byte PowerDown = 0x10;
            public const byte CommandMask = 0x0F;
        }

        /// <summary>ComIEnReg 9.3.1.3 and ComIrqReg 9.3.1.5 share these positions; Set1 is ComIrqReg bit 7.</summary>
        public static class ComIrq
        {
            public const byte Set1 = 0x80;
            public const byte TxIRq = 0x40;
            public const byte RxIRq = 0x20;
            public const byte IdleIRq = 0x10;
            public const byte HiAlertIRq = 0x08;
            public const byte LoAlertIRq = 0x04;
            public const byte ErrIRq = 0x02;
            public const byte TimerIRq = 0x01;
        }

        /// <summary>DivIEnReg 9.3.1.4 and DivIrqReg 9.3.1.6; Set2 is DivIrqReg bit 7.</summary>
        public static class DivIrq
        {
            public const byte Set2 = 0x80;
            public const byte MfinActIRq = 0x10;
            public const byte CRCIRq = 0x04;
        }

        /// <summary>ErrorReg, 9.3.1.7.</summary>
        public static class Error
        {
            public const byte WrErr = 0x80;
            public const byte TempErr = 0x40;
            public const byte BufferOvfl = 0x10;
            public const byte CollErr = 0x08;
            public const byte CRCErr = 0x04;
            public const byte ParityErr = 0x02;
            public const byte ProtocolErr = 0x01;
        }

        /// <summary>Status1Reg, 9.3.1.8 (read only).</summary>
        public static class Status1
        {
            public const byte CRCOk = 0x40;
            public const byte CRCReady = 0x20;
            public const byte IRq = 0x10;
            public const byte TRunning = 0x08;
            public const byte HiAlert = 0x02;
            public const byte LoAlert = 0x01;
        }

        /// <summary>Status2Reg, 9.3.1.9.</summary>
        public static class Status2
        {
            public const byte TempSensClear = 0x80;
            public const byte I2CForceHS = 0x40;
            public const byte MFCrypto1On = 0x08;
            public const byte ModemStateMask = 0x07;
        }

        /// <summary>Status2Reg ModemState[2:0] values, 9.3.1.9 (Table 37).</summary>
        public static class ModemState
        {
            public const byte Idle = 0;
            public const byte WaitForStartSend = 1;
            public const byte WaitForData = 5;
        }

        /// <summary>FIFOLevelReg, 9.3.1.11.</summary>
        public static class FifoLevel
        {
            public const byte FlushBuffer = 0x80;
            public const byte LevelMask = 0x7F;
        }

        /// <summary>ControlReg, 9.3.1.13.</summary>
        public static class Control
        {
            public const byte TStopNow = 0x80;
            public const byte TStartNow = 0x40;
            public const byte RxLastBitsMask = 0x07;
        }

        /// <summary>BitFramingReg, 9.3.1.14.</summary>
        public static class BitFraming
        {
            public const byte StartSend = 0x80;
            public const byte RxAlignMask = 0x70;
            public const int RxAlignShift = 4;
            public const byte TxLastBitsMask = 0x07;
        }

        /// <summary>CollReg, 9.3.1.15.</summary>
        public static class Coll
        {
            public const byte ValuesAfterColl = 0x80;
            public const byte CollPosNotValid = 0x20;
            public const byte CollPosMask = 0x1F;
        }

        /// <summary>ModeReg, 9.3.2.2: CRCPreset[1:0] selects the CRC coprocessor preset.</summary>
        public static class Mode
        {
            public const byte CRCPresetMask = 0x03;
        }

        /// <summary>TxModeReg 9.3.2.3 / RxModeReg 9.3.2.4: hardware CRC on transmit/receive.</summary>
        public static class TxRxMode
        {
            public const byte CRCEn = 0x80;
            public const byte RxMultiple = 0x04;
        }

        /// <summary>TxControlReg, 9.3.2.5: the antenna drivers.</summary>
        public static class TxControl
        {
            public const byte Tx2RFEn = 0x02;
            public const byte Tx1RFEn = 0x01;
        }

        /// <summary>DemodReg, 9.3.2.10.</summary>
        public static class Demod
        {
            public const byte TPrescalEven = 0x10;
        }

        /// <summary>TModeReg, 9.3.3.10.</summary>
        public static class TMode
        {
            public const byte TAuto = 0x80;
            public const byte TGatedMask = 0x60;
            public const byte TAutoRestart = 0x10;
            public const byte TPrescalerHiMask = 0x0F;
        }
    }
}
