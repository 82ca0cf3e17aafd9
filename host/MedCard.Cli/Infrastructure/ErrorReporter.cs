using System;
using MedCard.Settlement.Statements;
using System.Data.Common;
using System.IO;
using System.Text.Json.Nodes;
using MedCard.Host.Link;
using MedCard.Host.Transport;
using MedCard.Settlement.Rules;

namespace MedCard.Cli.Infrastructure;

/// <summary>Maps every failure of a command to one readable line (what, why, what to do) and an exit code.
/// The stack trace is shown only with --verbose. With --json the same facts also go to stdout as JSON.</summary>
internal static class ErrorReporter
{
    public static int Report(CliContext context, Exception exception, bool cancelled)
    {
        CliException error = Classify(exception, cancelled);
        // One line whatever the message holds (an exception's text, a long or hostile value): see Echo.
        string line = Echo.Line("medcard: " + error.Message.TrimEnd('.') + "." + (error.Hint is null ? string.Empty : " To fix: " + error.Hint + "."));
        context.Io.Error.WriteLine(line);
        if (context.Verbose)
        {
            context.Io.Error.WriteLine((exception is CliException { InnerException: { } inner } ? inner : exception).ToString());
        }

        if (context.Json)
        {
            var body = new JsonObject
            {
                ["kind"] = error.Kind,
                ["message"] = error.Message,
                ["hint"] = error.Hint,
            };
            foreach ((string key, JsonNode? value) in error.Details)
            {
                body[key] = value?.DeepClone();
            }

            context.WriteJsonError(new JsonObject { ["ok"] = false, ["exitCode"] = error.ExitCode, ["error"] = body });
        }

        return error.ExitCode;
    }

    private static CliException Classify(Exception exception, bool cancelled) => exception switch
    {
        CliException known => known,
        OperationCanceledException when cancelled =>
            new CliException(ExitCodes.Unexpected, "cancelled", "cancelled before it finished; nothing half-done was committed"),
        DbException e => CliException.Io("the store failed: " + e.Message, "check the store is reachable and not locked by another program", e),
        TransportException e => CliException.Io("the reader link failed: " + e.Message, "check the cable, the port name and that no other program holds the port", e),
        TimeoutException e => CliException.Io("the reader did not answer in time: " + e.Message, "check that the reader runs the MedCard firmware and the link is up", e),
        ReaderLinkClosedException or ReaderBusyException or ReaderErrorException =>
            CliException.Io("the reader link failed: " + exception.Message, "check the reader and retry", exception),
        PinKeyUnavailableException e => CliException.Io("the PIN cannot be checked: " + e.Message,
            "set " + PinKeyLocation.Variable + " to the PIN key file the ledger's PINs were set with (no try was counted)", e),
        StatementFontNotFoundException e => CliException.Io(e.Message, "sudo apt-get install fonts-wqy-microhei, or MEDCARD_CJK_FONT=/path/to/font.ttc", e),
        IOException e => CliException.Io("a file operation failed: " + e.Message, "check the path, permissions and free space", e),
        UnauthorizedAccessException e => CliException.Io("access denied: " + e.Message, "check permissions (serial ports usually need the dialout group)", e),
        _ => new CliException(ExitCodes.Unexpected, "unexpected", "unexpected " + exception.GetType().Name + ": " + exception.Message,
            "rerun with --verbose and report the output"),
    };
}
