using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;

namespace MedCard.Cli;

/// <summary>The public entry point of the tool: parses the arguments, runs one command and returns its exit code
/// (see <see cref="ExitCodes"/>). Used by <c>Main</c> and, in-process, by the tests.</summary>
public static class MedCardCli
{
    /// <summary>Runs against the process console. Ctrl+C (SIGINT) or SIGTERM cancels the running command: the store
    /// rolls back what was not committed and a simulator shuts down cleanly.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Action<PosixSignalContext> onSignal = signal =>
        {
            // The first signal asks the command to stop; a second one terminates the process as usual.
            signal.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
        try
        {
            return await RunAsync(args, CliIo.FromConsole(), cancel.Token).ConfigureAwait(false);
        }
        catch (IOException e) when (IsClosedPipe(e))
        {
            // `medcard --help | head`: the reader of our output went away. Nothing is left to tell it, and a stack
            // trace on stderr would be noise; the exit code still says the output was not all delivered.
            return ExitCodes.IoFailure;
        }
    }

    /// <summary>EPIPE (32) on Linux and macOS, ERROR_NO_DATA / ERROR_BROKEN_PIPE on Windows: writing to a pipe whose
    /// reading end is closed.</summary>
    private static bool IsClosedPipe(IOException e) =>
        e.HResult is 32 or unchecked((int)0x800700E8) or unchecked((int)0x8007006D)
        || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs one command with the given streams. Never throws for a command failure: the failure is
    /// reported on <see cref="CliIo.Error"/> (or as JSON on <see cref="CliIo.Out"/> with --json) and mapped to an exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        RootCommand root = CommandTree.Build(io);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return UsageErrors.Report(parse, io);
        }

        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
