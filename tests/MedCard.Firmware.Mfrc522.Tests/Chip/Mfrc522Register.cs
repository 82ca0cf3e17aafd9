namespace MedCard.Firmware.Mfrc522.Tests.Chip
{
    /// <summary>
    /// The MFRC522 register map, named and numbered as in the NXP MFRC522 datasheet rev 3.9, section 9.2 (Table 20,
    /// "MFRC522 register overview"). Addresses are the 6-bit register addresses, not the SPI address byte
    /// (that is address &lt;&lt; 1, section 8.1.2.3).
    /// </summary>
    public enum Mfrc522Register : byte
    {
        // Page 0: command and status (section 9.3.1)
        CommandReg = 0x01,
        ComIEnReg = 0x02,
        DivIEnReg = 0x03,
        ComIrqReg = 0x04,
        DivIrqReg = 0x05,
        ErrorReg = 0x06,
        Status1Reg = 0x07,
        Status2Reg = 0x08,
        FIFODataReg = 0x09,
        FIFOLevelReg = 0x0A,
        WaterLevelReg = 0x0B,
        ControlReg = 0x0C,
        BitFramingReg = 0x0D,
        CollReg = 0x0E,

        // Page 1: communication (section 9.3.2)
        ModeReg = 0x11,
        TxModeReg = 0x12,
        RxModeReg = 0x13,
        TxControlReg = 0x14,
        TxASKReg = 0x15,
        TxSelReg = 0x16,
        RxSelReg = 0x17,
        RxThresholdReg = 0x18,
        DemodReg = 0x19,
        MfTxReg = 0x1C,
        MfRxReg = 0x1D,
        SerialSpeedReg = 0x1F,

        // Page 2: configuration (section 9.3.3)
        CRCResultRegHigh = 0x21,
        CRCResultRegLow = 0x22,
        ModWidthReg = 0x24,
        RFCfgReg = 0x26,
        GsNReg = 0x27,
        CWGsPReg = 0x28,
        ModGsPReg = 0x29,
        TModeReg = 0x2A,
        TPrescalerReg = 0x2B,
        TReloadRegHigh = 0x2C,
        TReloadRegLow = 0x2D,
        TCounterValRegHigh = 0x2E,
        TCounterValRegLow = 0x2F,

        // Page 3: test (section 9.3.4)
        TestSel1Reg = 0x31,
        TestSel2Reg = 0x32,
        TestPinEnReg = 0x33,
        TestPinValueReg = 0x34,
        TestBusReg = 0x35,
        AutoTestReg = 0x36,
        VersionReg = 0x37,
        AnalogTestReg = 0x38,
        TestDAC1Reg = 0x39,
        TestDAC2Reg = 0x3A,
        TestADCReg = 0x3B,
    }
}
