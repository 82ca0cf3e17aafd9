using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.Boards.Generator;
using Xunit;

namespace MedCard.Boards.Tests
{
    /// <summary>The validator refuses each unsafe pin choice; the inputs are the real DevKitC file with one line changed.</summary>
    public class ValidatorTests
    {
        private static string DevKitC() => File.ReadAllText(Path.Combine(Repo.Root, "boards", "esp32-devkitc", "board.txt"));

        /// <summary>Replace the value of <paramref name="key"/> (which must exist) and add <paramref name="extra"/> lines.</summary>
        private static string With(string key, string value, string extra = "")
        {
            string[] lines = DevKitC().Split('\n');
            int index = Array.FindIndex(lines, l => l.StartsWith(key + " =", StringComparison.Ordinal));
            Assert.True(index >= 0, "board file has no key " + key);
            lines[index] = key + " = " + value;
            return string.Join('\n', lines) + "\n" + extra + "\n";
        }

        private static IReadOnlyList<string> Errors(string text) => BoardValidator.Validate(BoardParser.Parse(text, "test"));

        [Fact]
        public void TheUnchangedFileIsValid()
        {
            Assert.Empty(Errors(DevKitC()));
        }

        [Theory]
        [InlineData("rfid.cs", "18", "already used by rfid.sck")]
        [InlineData("led.green", "34", "output on an input-only pin")]
        [InlineData("rfid.rst", "39", "output on an input-only pin")]
        [InlineData("buzzer", "2", "strapping pin")]
        [InlineData("rfid.cs", "5", "strapping pin")]
        [InlineData("led.red", "12", "strapping pin")]
        [InlineData("rfid.mosi", "7", "flash")]
        [InlineData("uart.tx", "1", "COM1")]
        [InlineData("uart.port", "COM1", "COM1 is the nanoFramework debugger")]
        [InlineData("led.busy", "24", "no such GPIO")]
        [InlineData("led.busy", "20", "no such GPIO")]
        [InlineData("rfid.spi.mode", "3", "mode 0")]
        [InlineData("rfid.spi.clock_hz", "20000000", "MFRC522 limit")]
        [InlineData("keypad.cols.pull", "internal", "no internal pull-up")]
        [InlineData("keypad.keys", "123A 456B 789C *0#", "has 3 keys for 4 column pins")]
        [InlineData("keypad.keys", "123A 456B 78#C *0#D", "appears twice")]
        [InlineData("keypad.rows", "13 14 27", "4 key rows for 3 row pins")]
        public void RefusesUnsafeOrInconsistentChoices(string key, string value, string expected)
        {
            IReadOnlyList<string> errors = Errors(With(key, value));
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }

        [Fact]
        public void AllowLetsAStrappingPinThroughOnlyWhenItIsUsed()
        {
            Assert.Empty(Errors(With("led.busy", "15", "allow.15 = tested on our board")));
            Assert.Contains(Errors(With("led.busy", "4", "allow.15 = stale")), e => e.Contains("allow.15", StringComparison.Ordinal));
        }

        [Fact]
        public void ReservedPinsAreRefused()
        {
            IReadOnlyList<string> errors = Errors(With("led.busy", "4", "reserved.4 = battery sense"));
            Assert.Contains(errors, e => e.Contains("reserved on this board (battery sense)", StringComparison.Ordinal));
        }

        [Fact]
        public void WroverModulesLoseGpio16And17ToThePsram()
        {
            IReadOnlyList<string> errors = Errors(With("module", "ESP32-WROVER-E"));
            Assert.Equal(2, errors.Count(e => e.Contains("PSRAM", StringComparison.Ordinal)));
        }

        [Theory]
        [InlineData("led.gren = 4", "unknown key 'led.gren'")]
        [InlineData("rfid.cs = 21", "'rfid.cs' given twice")]
        [InlineData("just text", "expected 'key = value'")]
        [InlineData("reserved.x = y", "must end in a GPIO number")]
        public void ParserRejectsMalformedLinesWithTheirLineNumber(string extraLine, string expected)
        {
            string text = DevKitC() + extraLine + "\n";
            int line = text.Split('\n').Length - 1;
            var ex = Assert.Throws<BoardFormatException>(() => BoardParser.Parse(text, "x.txt"));
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
            Assert.StartsWith("x.txt(" + line + ")", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ParserReportsMissingKeys()
        {
            string text = string.Join('\n', DevKitC().Split('\n').Where(l => !l.StartsWith("uart.rx", StringComparison.Ordinal)));
            var ex = Assert.Throws<BoardFormatException>(() => BoardParser.Parse(text, "x.txt"));
            Assert.Contains("missing 'uart.rx'", ex.Message, StringComparison.Ordinal);
        }
    }
}
