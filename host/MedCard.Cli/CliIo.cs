using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MedCard.Cli;

/// <summary>Where a <c>medcard</c> run reads and writes. Tests pass string writers; the real tool uses the console.</summary>
/// <param name="OutputIsTerminal">True only when stdout is an interactive terminal: colours, progress and live
/// displays are used only then.</param>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In, bool OutputIsTerminal)
{
    /// <summary>The process console.</summary>
    public static CliIo FromConsole() => new(StandardOutput(), Console.Error, Console.In, !Console.IsOutputRedirected);

    /// <summary>
    /// .NET's console stream drops writes to a closed pipe without a word (EPIPE is ignored, and the runtime ignores
    /// SIGPIPE), so `medcard records print | broken` would mark records printed that nobody got. On Unix, when stdout
    /// is redirected, the tool writes to descriptor 1 itself: a closed pipe is an IOException (exit 4, one line) and a
    /// statement delivered there is not marked printed. A terminal keeps the console (colours, width).
    /// </summary>
    private static TextWriter StandardOutput()
    {
        if (OperatingSystem.IsWindows() || !Console.IsOutputRedirected)
        {
            return Console.Out;
        }

        var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
    }
}
