using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Parses the <c>key = value</c> board format: one assignment per line, <c>#</c> starts a comment
    /// line, blank lines are ignored, keys are case-sensitive, every key except <c>note</c> at most once,
    /// unknown keys are errors (a typo must not silently drop a pin).
    /// </summary>
    public static class BoardParser
    {
        private static readonly HashSet<string> ScalarKeys = new(StringComparer.Ordinal)
        {
            "id", "name", "class", "module", "nanoff.target",
            "rfid.spi.bus", "rfid.spi.clock_hz", "rfid.spi.mode",
            "rfid.sck", "rfid.miso", "rfid.mosi", "rfid.cs", "rfid.rst",
            "uart.port", "uart.baud", "uart.tx", "uart.rx",
            "keypad.keys", "keypad.rows", "keypad.cols", "keypad.cols.pull",
            "led.green", "led.red", "led.busy", "buzzer",
        };

        /// <summary>Parse a board file from disk.</summary>
        public static BoardDescription ParseFile(string path)
        {
            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>Parse board text; <paramref name="source"/> names it in error messages.</summary>
        public static BoardDescription Parse(string text, string source)
        {
            var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
            var reserved = new SortedDictionary<int, string>();
            var allowed = new SortedDictionary<int, string>();
            var notes = new List<string>();

            string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int lineNo = i + 1;
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                int eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw Error(source, lineNo, "expected 'key = value'");
                }

                string key = line.Substring(0, eq).Trim();
                string value = line.Substring(eq + 1).Trim();
                if (value.Length == 0)
                {
                    throw Error(source, lineNo, "empty value for '" + key + "'");
                }

                if (key == "note")
                {
                    notes.Add(value);
                }
                else if (key.StartsWith("reserved.", StringComparison.Ordinal))
                {
                    AddIndexed(reserved, key, value, source, lineNo);
                }
                else if (key.StartsWith("allow.", StringComparison.Ordinal))
                {
                    AddIndexed(allowed, key, value, source, lineNo);
                }
                else if (!ScalarKeys.Contains(key))
                {
                    throw Error(source, lineNo, "unknown key '" + key + "'");
                }
                else if (!values.TryAdd(key, (value, lineNo)))
                {
                    throw Error(source, lineNo, "'" + key + "' given twice");
                }
            }

            var reader = new Reader(values, source);
            string pull = reader.Text("keypad.cols.pull");
            if (pull != "internal" && pull != "external")
            {
                throw reader.Fail("keypad.cols.pull", "must be 'internal' or 'external'");
            }

            return new BoardDescription
            {
                Id = reader.Text("id"),
                Name = reader.Text("name"),
                ClassName = reader.Identifier("class"),
                Module = reader.Text("module"),
                NanoffTarget = reader.Text("nanoff.target"),
                SpiBus = reader.Int("rfid.spi.bus"),
                SpiClockHz = reader.Int("rfid.spi.clock_hz"),
                SpiMode = reader.Int("rfid.spi.mode"),
                RfidSck = reader.Int("rfid.sck"),
                RfidMiso = reader.Int("rfid.miso"),
                RfidMosi = reader.Int("rfid.mosi"),
                RfidCs = reader.Int("rfid.cs"),
                RfidReset = reader.Int("rfid.rst"),
                UartPort = reader.Text("uart.port"),
                UartBaud = reader.Int("uart.baud"),
                UartTx = reader.Int("uart.tx"),
                UartRx = reader.Int("uart.rx"),
                KeypadKeys = reader.Words("keypad.keys"),
                KeypadRows = reader.IntList("keypad.rows"),
                KeypadColumns = reader.IntList("keypad.cols"),
                KeypadColumnsExternalPullUp = pull == "external",
                LedGreen = reader.Output("led.green"),
                LedRed = reader.Output("led.red"),
                LedBusy = reader.OptionalOutput("led.busy"),
                Buzzer = reader.OptionalOutput("buzzer"),
                Reserved = reserved,
                Allowed = allowed,
                Notes = notes,
            };
        }

        private static void AddIndexed(SortedDictionary<int, string> target, string key, string value, string source, int lineNo)
        {
            string suffix = key.Substring(key.IndexOf('.', StringComparison.Ordinal) + 1);
            if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int gpio))
            {
                throw Error(source, lineNo, "'" + key + "' must end in a GPIO number");
            }

            if (!target.TryAdd(gpio, value))
            {
                throw Error(source, lineNo, "'" + key + "' given twice");
            }
        }

        private static BoardFormatException Error(string source, int line, string message)
        {
            return new BoardFormatException(source + "(" + line.ToString(CultureInfo.InvariantCulture) + "): " + message);
        }

        /// <summary>Typed access to the collected values with file:line errors.</summary>
        private sealed class Reader
        {
            private readonly Dictionary<string, (string Value, int Line)> values;
            private readonly string source;

            public Reader(Dictionary<string, (string Value, int Line)> values, string source)
            {
                this.values = values;
                this.source = source;
            }

            public BoardFormatException Fail(string key, string message)
            {
                return values.TryGetValue(key, out var v)
                    ? Error(source, v.Line, "'" + key + "' " + message)
                    : new BoardFormatException(source + ": '" + key + "' " + message);
            }

            public string Text(string key)
            {
                if (!values.TryGetValue(key, out var v))
                {
                    throw new BoardFormatException(source + ": missing '" + key + "'");
                }

                return v.Value;
            }

            public string Identifier(string key)
            {
                string text = Text(key);
                bool ok = char.IsAsciiLetterUpper(text[0]);
                foreach (char ch in text)
                {
                    ok &= char.IsAsciiLetterOrDigit(ch);
                }

                return ok ? text : throw Fail(key, "must be a PascalCase C# identifier");
            }

            public int Int(string key)
            {
                return ParseInt(key, Text(key));
            }

            public IReadOnlyList<string> Words(string key)
            {
                return Text(key).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }

            public IReadOnlyList<int> IntList(string key)
            {
                var result = new List<int>();
                foreach (string word in Words(key))
                {
                    result.Add(ParseInt(key, word));
                }

                return result;
            }

            public OutputPin Output(string key)
            {
                return OptionalOutput(key) ?? throw new BoardFormatException(source + ": missing '" + key + "'");
            }

            public OutputPin? OptionalOutput(string key)
            {
                if (!values.ContainsKey(key))
                {
                    return null;
                }

                IReadOnlyList<string> words = Words(key);
                bool activeLow = false;
                bool onBoard = false;
                for (int i = 1; i < words.Count; i++)
                {
                    if (words[i] == "active-low" && !activeLow)
                    {
                        activeLow = true;
                    }
                    else if (words[i] == "onboard" && !onBoard)
                    {
                        onBoard = true;
                    }
                    else
                    {
                        throw Fail(key, "must be '<gpio>' optionally followed by 'active-low' and/or 'onboard'");
                    }
                }

                return new OutputPin(ParseInt(key, words[0]), activeLow, onBoard);
            }

            private int ParseInt(string key, string text)
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                {
                    throw Fail(key, "expects a non-negative integer, got '" + text + "'");
                }

                return value;
            }
        }
    }
}
