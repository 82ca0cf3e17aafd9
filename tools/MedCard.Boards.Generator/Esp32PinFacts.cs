namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Pin facts of the classic ESP32 (ESP32-D0WD in WROOM-32/WROVER modules), from Espressif's
    /// datasheet and ESP-IDF GPIO guide: which pads exist, which are strapping pins, which carry the
    /// module's flash or PSRAM, which are input-only.
    /// </summary>
    public static class Esp32PinFacts
    {
        /// <summary>True for a GPIO pad that exists on the ESP32 and is bonded out on WROOM/WROVER modules
        /// (0-19, 21-23, 25-27, 32-39; GPIO20 only exists on ESP32-PICO-V3).</summary>
        public static bool Exists(int gpio)
        {
            return (gpio >= 0 && gpio <= 19) || (gpio >= 21 && gpio <= 23) || (gpio >= 25 && gpio <= 27)
                || (gpio >= 32 && gpio <= 39);
        }

        /// <summary>GPIO34-39 are input-only and have no internal pull-up or pull-down.</summary>
        public static bool IsInputOnly(int gpio)
        {
            return gpio >= 34 && gpio <= 39;
        }

        /// <summary>Sampled at reset to pick boot mode, flash voltage and timing: 0, 2, 5, 12 (MTDI), 15 (MTDO).</summary>
        public static bool IsStrapping(int gpio)
        {
            return gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15;
        }

        /// <summary>GPIO6-11 carry the module's SPI flash.</summary>
        public static bool IsFlash(int gpio)
        {
            return gpio >= 6 && gpio <= 11;
        }

        /// <summary>GPIO16/17 carry the PSRAM on WROVER modules.</summary>
        public static bool IsPsram(int gpio, string module)
        {
            return (gpio == 16 || gpio == 17) && module.Contains("WROVER", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>GPIO1/3 are UART0, which is COM1, the nanoFramework debugger/deployment link.</summary>
        public static bool IsDebugUart(int gpio)
        {
            return gpio == 1 || gpio == 3;
        }

        /// <summary>Highest SPI clock the MFRC522 accepts (datasheet: 10 Mbit/s).</summary>
        public const int Mfrc522MaxSpiClockHz = 10_000_000;
    }
}
