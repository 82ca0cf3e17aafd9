namespace MedCard.Boards.Generator
{
    /// <summary>One wire between an ESP32 GPIO and a pin of a part on the reader.</summary>
    /// <param name="Gpio">ESP32 GPIO number.</param>
    /// <param name="Key">The board.txt key that assigned it (for error messages).</param>
    /// <param name="Part">Part the wire goes to, e.g. "MFRC522".</param>
    /// <param name="PartPin">Pin label on that part, e.g. "SDA (SS)".</param>
    /// <param name="Direction">Direction from the ESP32's point of view.</param>
    /// <param name="Note">Wiring note for the table, or empty.</param>
    public sealed record PinUse(int Gpio, string Key, string Part, string PartPin, PinDirection Direction, string Note);
}
