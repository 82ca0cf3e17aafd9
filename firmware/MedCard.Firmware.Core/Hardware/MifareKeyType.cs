namespace MedCard.Firmware.Hardware
{
    /// <summary>Which of the two MIFARE Classic sector keys an authentication uses.</summary>
    public enum MifareKeyType
    {
        /// <summary>Key A (command 0x60). Our layout grants it read only.</summary>
        KeyA = 0,

        /// <summary>Key B (command 0x61). Our layout grants it read and write.</summary>
        KeyB = 1,
    }
}
