using System.Collections.Generic;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// One reader board, as parsed from <c>boards/&lt;id&gt;/board.txt</c>. Only parsing has happened:
    /// <see cref="BoardValidator"/> decides whether the pin choices are safe.
    /// </summary>
    public sealed class BoardDescription
    {
        /// <summary>Folder name and identifier, e.g. "esp32-devkitc".</summary>
        public required string Id { get; init; }

        /// <summary>Human name of the board.</summary>
        public required string Name { get; init; }

        /// <summary>C# class name of the generated constants, e.g. "Esp32DevKitC".</summary>
        public required string ClassName { get; init; }

        /// <summary>ESP32 module soldered on the board (ESP32-WROOM-32, ESP32-WROVER, ...).</summary>
        public required string Module { get; init; }

        /// <summary>nanoff --target value for this board.</summary>
        public required string NanoffTarget { get; init; }

        /// <summary>SPI bus number as nanoFramework counts them (1 or 2).</summary>
        public required int SpiBus { get; init; }

        /// <summary>SPI clock for the MFRC522.</summary>
        public required int SpiClockHz { get; init; }

        /// <summary>SPI mode (the MFRC522 needs 0).</summary>
        public required int SpiMode { get; init; }

        /// <summary>MFRC522 SPI clock pin.</summary>
        public required int RfidSck { get; init; }

        /// <summary>MFRC522 data out, ESP32 in.</summary>
        public required int RfidMiso { get; init; }

        /// <summary>ESP32 data out, MFRC522 in.</summary>
        public required int RfidMosi { get; init; }

        /// <summary>MFRC522 chip select (the module's SDA pin).</summary>
        public required int RfidCs { get; init; }

        /// <summary>MFRC522 hard reset (NRSTPD, active low).</summary>
        public required int RfidReset { get; init; }

        /// <summary>nanoFramework serial port name of the host link ("COM2").</summary>
        public required string UartPort { get; init; }

        /// <summary>Host link speed (115200 8N1).</summary>
        public required int UartBaud { get; init; }

        /// <summary>ESP32 transmit pin of the host link.</summary>
        public required int UartTx { get; init; }

        /// <summary>ESP32 receive pin of the host link.</summary>
        public required int UartRx { get; init; }

        /// <summary>Key legends per keypad row, e.g. "123A".</summary>
        public required IReadOnlyList<string> KeypadKeys { get; init; }

        /// <summary>Row GPIOs (driven, open drain).</summary>
        public required IReadOnlyList<int> KeypadRows { get; init; }

        /// <summary>Column GPIOs (sampled, pulled up).</summary>
        public required IReadOnlyList<int> KeypadColumns { get; init; }

        /// <summary>True when the columns need external pull-up resistors (false: internal pull-ups).</summary>
        public required bool KeypadColumnsExternalPullUp { get; init; }

        /// <summary>Green LED.</summary>
        public required OutputPin LedGreen { get; init; }

        /// <summary>Red LED.</summary>
        public required OutputPin LedRed { get; init; }

        /// <summary>Busy LED, or null when the board has none.</summary>
        public required OutputPin? LedBusy { get; init; }

        /// <summary>Buzzer, or null when the board has none.</summary>
        public required OutputPin? Buzzer { get; init; }

        /// <summary>GPIOs the board itself uses for something else, with the reason.</summary>
        public required IReadOnlyDictionary<int, string> Reserved { get; init; }

        /// <summary>Strapping pins explicitly allowed as outputs, with the justification.</summary>
        public required IReadOnlyDictionary<int, string> Allowed { get; init; }

        /// <summary>Free-text wiring notes, in file order.</summary>
        public required IReadOnlyList<string> Notes { get; init; }

        /// <summary>Every wire from the ESP32 to a part, grouped by part, in a stable order.</summary>
        public IReadOnlyList<PinUse> Pins()
        {
            const string Rfid = "MFRC522";
            const string Host = "Host UART";
            const string Keypad = "Keypad";
            var pins = new List<PinUse>
            {
                new(RfidSck, "rfid.sck", Rfid, "SCK", PinDirection.Output, "SPI" + SpiBus + " clock"),
                new(RfidMosi, "rfid.mosi", Rfid, "MOSI", PinDirection.Output, "SPI" + SpiBus + " MOSI"),
                new(RfidMiso, "rfid.miso", Rfid, "MISO", PinDirection.Input, "SPI" + SpiBus + " MISO"),
                new(RfidCs, "rfid.cs", Rfid, "SDA (SS)", PinDirection.Output, "chip select, active low"),
                new(RfidReset, "rfid.rst", Rfid, "RST", PinDirection.Output, "hard reset, active low"),
                new(UartTx, "uart.tx", Host, "RX", PinDirection.Output, UartPort + "_TX, " + UartBaud + " 8N1"),
                new(UartRx, "uart.rx", Host, "TX", PinDirection.Input, UartPort + "_RX, " + UartBaud + " 8N1"),
            };

            for (int r = 0; r < KeypadRows.Count; r++)
            {
                pins.Add(new(KeypadRows[r], "keypad.rows", Keypad, "R" + (r + 1), PinDirection.Output, "row, open drain"));
            }

            string pull = KeypadColumnsExternalPullUp ? "column, 10 kOhm pull-up to 3V3" : "column, internal pull-up";
            for (int c = 0; c < KeypadColumns.Count; c++)
            {
                pins.Add(new(KeypadColumns[c], "keypad.cols", Keypad, "C" + (c + 1), PinDirection.Input, pull));
            }

            pins.Add(Indicator(LedGreen, "led.green", "LED green", "anode", "cathode", "330 Ohm"));
            pins.Add(Indicator(LedRed, "led.red", "LED red", "anode", "cathode", "330 Ohm"));
            if (LedBusy is not null)
            {
                pins.Add(Indicator(LedBusy, "led.busy", "LED busy", "anode", "cathode", "330 Ohm"));
            }

            if (Buzzer is not null)
            {
                pins.Add(Indicator(Buzzer, "buzzer", "Buzzer", "driver in", "driver in", "NPN base via 1 kOhm"));
            }

            return pins;
        }

        // An active-low LED hangs from 3V3 and the GPIO sinks its cathode; an active-high one is sourced.
        private static PinUse Indicator(OutputPin pin, string key, string part, string pinIfHigh, string pinIfLow, string via)
        {
            string level = pin.ActiveLow ? "active low" : "active high";
            if (pin.OnBoard)
            {
                return new PinUse(pin.Gpio, key, part, "on board", PinDirection.Output, "fitted on the board, " + level);
            }

            return new PinUse(pin.Gpio, key, part, pin.ActiveLow ? pinIfLow : pinIfHigh, PinDirection.Output, via + ", " + level);
        }
    }
}
