using System.CommandLine;
using MedCard.Cli.Infrastructure;

namespace MedCard.Cli.Commands;

/// <summary>`medcard sim`: starts the desktop reader simulator and prints the device path to connect to.</summary>
internal static class SimCommand
{
    public static Command Build(CliIo io)
    {
        var command = new Command("sim", "Start the desktop reader simulator and print the device path to connect to");
        CommandActions.Set(command, io, (ctx, parse, ct) =>
            throw CliException.Io("the desktop reader simulator is not built yet", "use medcard settle (in-process simulated reader) meanwhile"));
        return command;
    }
}
