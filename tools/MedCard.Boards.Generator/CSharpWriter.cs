using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Writes the firmware's pin constants. The output must compile for nanoFramework 1.x (C# 9,
    /// no generics): constants, int arrays and one factory that fills the hand-written BoardPins class.
    /// </summary>
    public static class CSharpWriter
    {
        /// <summary>Namespace of the generated classes (the firmware app's Boards folder).</summary>
        public const string Namespace = "MedCard.Firmware.App.Boards";

        /// <summary>The <c>&lt;ClassName&gt;.g.cs</c> for one board.</summary>
        public static string BoardClass(BoardDescription b)
        {
            var w = new CodeBuilder();
            Header(w, "boards/" + b.Id + "/board.txt");
            w.Line("namespace " + Namespace);
            w.Open();
            w.Line("/// <summary>Pin map of the " + Xml(b.Name) + " reader board.</summary>");
            w.Line("public static class " + b.ClassName);
            w.Open();
            Const(w, "Board id (folder under boards/).", "string", "Id", Str(b.Id));
            Const(w, "Human-readable board name.", "string", "Name", Str(b.Name));
            Const(w, "nanoff --target for this board.", "string", "NanoffTarget", Str(b.NanoffTarget));
            Const(w, "SPI bus of the MFRC522 (nanoFramework numbering).", "int", "RfidSpiBus", Int(b.SpiBus));
            Const(w, "SPI clock of the MFRC522 in Hz.", "int", "RfidSpiClockHz", Int(b.SpiClockHz));
            Const(w, "SPI mode of the MFRC522.", "int", "RfidSpiMode", Int(b.SpiMode));
            Const(w, "MFRC522 SCK.", "int", "RfidSck", Int(b.RfidSck));
            Const(w, "MFRC522 MISO (ESP32 input).", "int", "RfidMiso", Int(b.RfidMiso));
            Const(w, "MFRC522 MOSI.", "int", "RfidMosi", Int(b.RfidMosi));
            Const(w, "MFRC522 chip select (module pin SDA).", "int", "RfidCs", Int(b.RfidCs));
            Const(w, "MFRC522 hard reset, active low.", "int", "RfidReset", Int(b.RfidReset));
            Const(w, "Serial port of the host link.", "string", "HostPort", Str(b.UartPort));
            Const(w, "Host link speed (8N1).", "int", "HostBaud", Int(b.UartBaud));
            Const(w, "Host link TX pin.", "int", "HostTx", Int(b.UartTx));
            Const(w, "Host link RX pin.", "int", "HostRx", Int(b.UartRx));
            Const(w, "Key legends, row by row.", "string", "KeypadKeys", Str(string.Concat(b.KeypadKeys)));
            Const(w, "True when the keypad columns use the ESP32's internal pull-ups.", "bool", "KeypadColumnsInternalPullUp",
                b.KeypadColumnsExternalPullUp ? "false" : "true");
            Output(w, "LedGreen", "Green LED", b.LedGreen);
            Output(w, "LedRed", "Red LED", b.LedRed);
            Output(w, "LedBusy", "Busy LED", b.LedBusy);
            Output(w, "Buzzer", "Buzzer", b.Buzzer);

            w.Line("/// <summary>A new pin map for the hardware adapters.</summary>");
            w.Line("public static BoardPins Create()");
            w.Open();
            w.Line("BoardPins pins = new BoardPins();");
            foreach (string name in new[]
            {
                "Id", "Name", "NanoffTarget", "RfidSpiBus", "RfidSpiClockHz", "RfidSpiMode", "RfidSck", "RfidMiso", "RfidMosi",
                "RfidCs", "RfidReset", "HostPort", "HostBaud", "HostTx", "HostRx", "KeypadKeys", "KeypadColumnsInternalPullUp",
                "LedGreen", "LedGreenActiveLow", "LedRed", "LedRedActiveLow", "LedBusy", "LedBusyActiveLow", "Buzzer", "BuzzerActiveLow",
            })
            {
                w.Line("pins." + name + " = " + name + ";");
            }

            w.Line("pins.KeypadRows = new int[] { " + IntList(b.KeypadRows) + " };");
            w.Line("pins.KeypadColumns = new int[] { " + IntList(b.KeypadColumns) + " };");
            w.Line("return pins;");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary><c>BoardCatalog.g.cs</c>: find a board's pin map by id.</summary>
        public static string Catalog(IReadOnlyList<BoardDescription> boards)
        {
            var w = new CodeBuilder();
            Header(w, "boards/*/board.txt");
            w.Line("namespace " + Namespace);
            w.Open();
            w.Line("/// <summary>Every board described under boards/, by id.</summary>");
            w.Line("public static class BoardCatalog");
            w.Open();
            w.Line("/// <summary>The pin map of board <paramref name=\"id\"/>, or null when no such board exists.</summary>");
            w.Line("public static BoardPins Find(string id)");
            w.Open();
            foreach (BoardDescription b in boards)
            {
                w.Line("if (id == " + b.ClassName + ".Id)");
                w.Open();
                w.Line("return " + b.ClassName + ".Create();");
                w.Close();
                w.Blank();
            }

            w.Line("return null;");
            w.Close();
            w.Blank();
            w.Line("/// <summary>Ids of all known boards.</summary>");
            w.Line("public static string[] Ids()");
            w.Open();
            var ids = new List<string>();
            foreach (BoardDescription b in boards)
            {
                ids.Add(b.ClassName + ".Id");
            }

            w.Line("return new string[] { " + string.Join(", ", ids) + " };");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void Header(CodeBuilder w, string source)
        {
            w.Line("// <auto-generated>");
            w.Line("//   Generated by tools/MedCard.Boards.Generator from " + source + ".");
            w.Line("//   Do not edit: change the board file, then run");
            w.Line("//   dotnet run --project tools/MedCard.Boards.Generator");
            w.Line("// </auto-generated>");
            w.Blank();
        }

        private static void Const(CodeBuilder w, string doc, string type, string name, string value)
        {
            w.Line("/// <summary>" + Xml(doc) + "</summary>");
            w.Line("public const " + type + " " + name + " = " + value + ";");
            w.Blank();
        }

        private static void Output(CodeBuilder w, string name, string what, OutputPin? pin)
        {
            Const(w, what + " GPIO (-1: not fitted).", "int", name, pin is null ? "-1" : Int(pin.Gpio));
            Const(w, "True when the " + what.ToLowerInvariant() + " is on at a low level.", "bool", name + "ActiveLow",
                pin is not null && pin.ActiveLow ? "true" : "false");
        }

        private static string Int(int value)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string IntList(IReadOnlyList<int> values)
        {
            var parts = new List<string>();
            foreach (int v in values)
            {
                parts.Add(Int(v));
            }

            return string.Join(", ", parts);
        }

        private static string Str(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (char ch in value)
            {
                if (ch == '"' || ch == '\\')
                {
                    sb.Append('\\');
                }

                sb.Append(ch);
            }

            return sb.Append('"').ToString();
        }

        private static string Xml(string text)
        {
            return text.Replace("&", "&amp;", System.StringComparison.Ordinal)
                .Replace("<", "&lt;", System.StringComparison.Ordinal)
                .Replace(">", "&gt;", System.StringComparison.Ordinal);
        }

        /// <summary>Indented line writer with LF line ends (the repository's .editorconfig).</summary>
        private sealed class CodeBuilder
        {
            private readonly StringBuilder sb = new();
            private int indent;

            public void Line(string text)
            {
                sb.Append(' ', indent * 4).Append(text).Append('\n');
            }

            public void Blank()
            {
                sb.Append('\n');
            }

            public void Open()
            {
                Line("{");
                indent++;
            }

            public void Close()
            {
                // Drop a blank line left before a closing brace.
                if (sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n')
                {
                    sb.Length--;
                }

                indent--;
                Line("}");
            }

            public override string ToString()
            {
                return sb.ToString();
            }
        }
    }
}
