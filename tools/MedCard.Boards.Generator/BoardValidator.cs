using System.Collections.Generic;
using System.Globalization;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Checks a parsed board against the ESP32 pin facts and the reader's needs. Returns every problem
    /// at once (an empty list means the board is usable) so a board author fixes them in one pass.
    /// </summary>
    public static class BoardValidator
    {
        /// <summary>All problems with <paramref name="board"/>; empty when it is valid.</summary>
        public static IReadOnlyList<string> Validate(BoardDescription board)
        {
            var errors = new List<string>();
            void Fail(string message) => errors.Add(board.Id + ": " + message);

            var owners = new Dictionary<int, PinUse>();
            foreach (PinUse pin in board.Pins())
            {
                string where = pin.Key + " (GPIO" + pin.Gpio.ToString(CultureInfo.InvariantCulture) + ")";
                if (!Esp32PinFacts.Exists(pin.Gpio))
                {
                    Fail(where + ": no such GPIO on an ESP32 module");
                    continue;
                }

                if (owners.TryGetValue(pin.Gpio, out PinUse? first))
                {
                    Fail(where + ": GPIO already used by " + first.Key);
                }
                else
                {
                    owners.Add(pin.Gpio, pin);
                }

                if (Esp32PinFacts.IsFlash(pin.Gpio))
                {
                    Fail(where + ": GPIO6-11 belong to the module's flash");
                }

                if (Esp32PinFacts.IsDebugUart(pin.Gpio))
                {
                    Fail(where + ": GPIO1/3 are COM1, the nanoFramework debugger");
                }

                if (Esp32PinFacts.IsPsram(pin.Gpio, board.Module))
                {
                    Fail(where + ": GPIO16/17 belong to the PSRAM on " + board.Module);
                }

                if (pin.Direction == PinDirection.Output && Esp32PinFacts.IsInputOnly(pin.Gpio))
                {
                    Fail(where + ": output on an input-only pin (GPIO34-39)");
                }

                if (Esp32PinFacts.IsStrapping(pin.Gpio) && !board.Allowed.ContainsKey(pin.Gpio))
                {
                    Fail(where + ": strapping pin; add 'allow." + pin.Gpio.ToString(CultureInfo.InvariantCulture)
                        + " = <why it is safe>' if it really must be used");
                }

                if (board.Reserved.TryGetValue(pin.Gpio, out string? reason))
                {
                    Fail(where + ": reserved on this board (" + reason + ")");
                }
            }

            foreach (KeyValuePair<int, string> allow in board.Allowed)
            {
                if (!Esp32PinFacts.IsStrapping(allow.Key) || !owners.ContainsKey(allow.Key))
                {
                    Fail("allow." + allow.Key.ToString(CultureInfo.InvariantCulture) + ": only a used strapping pin can be allowed");
                }
            }

            if (!board.KeypadColumnsExternalPullUp)
            {
                foreach (int col in board.KeypadColumns)
                {
                    if (Esp32PinFacts.IsInputOnly(col))
                    {
                        Fail("keypad.cols (GPIO" + col.ToString(CultureInfo.InvariantCulture)
                            + "): GPIO34-39 have no internal pull-up; set keypad.cols.pull = external and fit resistors");
                    }
                }
            }

            CheckKeypadShape(board, Fail);
            CheckBuses(board, Fail);
            return errors;
        }

        private static void CheckKeypadShape(BoardDescription board, System.Action<string> fail)
        {
            int rows = board.KeypadRows.Count;
            int cols = board.KeypadColumns.Count;
            if (rows < 1 || rows > 8 || cols < 1 || cols > 8)
            {
                fail("keypad: 1-8 rows and 1-8 columns expected, got " + rows + "x" + cols);
            }

            if (board.KeypadKeys.Count != rows)
            {
                fail("keypad.keys: " + board.KeypadKeys.Count + " key rows for " + rows + " row pins");
            }

            var seen = new HashSet<char>();
            foreach (string row in board.KeypadKeys)
            {
                if (row.Length != cols)
                {
                    fail("keypad.keys: row '" + row + "' has " + row.Length + " keys for " + cols + " column pins");
                }

                foreach (char key in row)
                {
                    if (!seen.Add(key))
                    {
                        fail("keypad.keys: key '" + key + "' appears twice");
                    }
                }
            }

            foreach (char digit in "0123456789")
            {
                if (!seen.Contains(digit))
                {
                    fail("keypad.keys: digit '" + digit + "' missing (PIN entry needs all ten)");
                }
            }
        }

        private static void CheckBuses(BoardDescription board, System.Action<string> fail)
        {
            if (board.SpiBus != 1 && board.SpiBus != 2)
            {
                fail("rfid.spi.bus: nanoFramework on ESP32 has SPI1 and SPI2");
            }

            if (board.SpiMode != 0)
            {
                fail("rfid.spi.mode: the MFRC522 uses SPI mode 0");
            }

            if (board.SpiClockHz <= 0 || board.SpiClockHz > Esp32PinFacts.Mfrc522MaxSpiClockHz)
            {
                fail("rfid.spi.clock_hz: must be in 1..10000000 (MFRC522 limit)");
            }

            if (board.UartPort != "COM2" && board.UartPort != "COM3")
            {
                fail("uart.port: use COM2 or COM3; COM1 is the nanoFramework debugger");
            }

            if (board.UartBaud <= 0)
            {
                fail("uart.baud: must be positive");
            }
        }
    }
}
