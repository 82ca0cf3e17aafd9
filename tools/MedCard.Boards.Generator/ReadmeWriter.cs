using System;
using System.Collections.Generic;
using System.Text;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Keeps the per-board section of the hand-written <c>boards/README.md</c> in step with the board files:
    /// only the text between <see cref="Begin"/> and <see cref="End"/> is generated.
    /// </summary>
    public static class ReadmeWriter
    {
        /// <summary>Marker line that opens the generated region.</summary>
        public const string Begin = "<!-- BEGIN GENERATED: boards (dotnet run --project tools/MedCard.Boards.Generator) -->";

        /// <summary>Marker line that closes the generated region.</summary>
        public const string End = "<!-- END GENERATED: boards -->";

        /// <summary>Replace the generated region of <paramref name="readme"/>; throws when the markers are missing.</summary>
        public static string Splice(string readme, IReadOnlyList<BoardDescription> boards, string source)
        {
            int begin = readme.IndexOf(Begin, StringComparison.Ordinal);
            int end = readme.IndexOf(End, StringComparison.Ordinal);
            if (begin < 0 || end < begin)
            {
                throw new BoardFormatException(source + ": needs the lines '" + Begin + "' and '" + End + "'");
            }

            var sb = new StringBuilder();
            sb.Append(readme, 0, begin + Begin.Length).Append('\n');
            foreach (BoardDescription b in boards)
            {
                sb.Append('\n');
                sb.Append("### ").Append(b.Name).Append(" (`").Append(b.Id).Append("`)\n\n");
                sb.Append("![Wiring diagram of ").Append(b.Name).Append("](").Append(b.Id).Append("/wiring.svg)\n\n");
                sb.Append("Full sheet with power, pull-ups and notes: [").Append(b.Id).Append("/wiring.md](").Append(b.Id).Append("/wiring.md). ");
                sb.Append("Keypad ").Append(b.KeypadRows.Count).Append('x').Append(b.KeypadColumns.Count).Append(", MFRC522 on SPI").Append(b.SpiBus);
                sb.Append(", host link on ").Append(b.UartPort).Append(".\n\n");
                sb.Append(MarkdownWriter.SignalTable(b));
            }

            sb.Append('\n');
            sb.Append(readme, end, readme.Length - end);
            return sb.ToString();
        }
    }
}
