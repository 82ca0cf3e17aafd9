using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;

namespace MedCard.Cli;

/// <summary>The public entry point of the tool: parses the arguments, runs one command and returns its exit code
/// (see <see cref="ExitCodes"/>). Used by <c>Main</c> and, in-process, by the tests.</summary>
public static class MedCardCli
{
    /// <summary>Runs against the process console; Ctrl+C cancels the running command.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C asks the command to stop cleanly (the store rolls back); a second one kills the process.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(args, CliIo.FromConsole(), cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

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
