using System.CommandLine;
using MedCard.Cli.Infrastructure;

namespace MedCard.Cli.Commands;

internal static class DemoCommand
{
    public static Command Build(CliIo io)
    {
        var command = new Command("demo", "Run a clinic day with no hardware");
        CommandActions.Set(command, io, (ctx, parse, ct) => System.Threading.Tasks.Task.CompletedTask);
        return command;
    }
}
