namespace MedCard.Boards.Generator
{
    /// <summary>Direction of a signal as seen from the ESP32.</summary>
    public enum PinDirection
    {
        /// <summary>The ESP32 drives the pin.</summary>
        Output,

        /// <summary>The ESP32 only samples the pin.</summary>
        Input,
    }
}
