using System;
using System.IO;

namespace MedCard.Cli;

/// <summary>Where a <c>medcard</c> run reads and writes. Tests pass string writers; the real tool uses the console.</summary>
/// <param name="OutputIsTerminal">True only when stdout is an interactive terminal: colours, progress and live
/// displays are used only then.</param>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In, bool OutputIsTerminal)
{
    /// <summary>The process console.</summary>
    public static CliIo FromConsole() => new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected);
}
