using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace MedCard.Cli.Infrastructure;

/// <summary>Wires a command body to System.CommandLine with the shared context and error handling.</summary>
internal static class CommandActions
{
    public static void Set(Command command, CliIo io, Func<CliContext, ParseResult, CancellationToken, Task> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = new CliContext(io, parse);
            try
            {
                await body(context, parse, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return ErrorReporter.Report(context, e, cancellationToken.IsCancellationRequested);
            }
        });
    }
}
