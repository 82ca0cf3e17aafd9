using System.CommandLine;
using MedCard.Cli.Commands;
using MedCard.Cli.Infrastructure;

namespace MedCard.Cli;

/// <summary>The whole command tree of <c>medcard</c>.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CliIo io)
    {
        var root = new RootCommand("medcard - medical-insurance card terminal: service desk, settlement, statements, readers, demo")
        {
            GlobalOptions.Store,
            GlobalOptions.Json,
            GlobalOptions.Verbose,
        };
        ToolVersion.Attach(root);
        root.Subcommands.Add(DemoCommand.Build(io));
        root.Subcommands.Add(SimCommand.Build(io));
        root.Subcommands.Add(PortsCommand.Build(io));
        root.Subcommands.Add(ProvisionCommand.Build(io));
        root.Subcommands.Add(ReaderAdminCommands.Build(io));
        root.Subcommands.Add(CardCommands.Build(io));
        root.Subcommands.Add(PinCommands.Build(io));
        root.Subcommands.Add(FamilyCommands.Build(io));
        root.Subcommands.Add(SettleCommand.Build(io));
        root.Subcommands.Add(RefundCommand.Build(io));
        root.Subcommands.Add(BalanceCommand.Build(io));
        root.Subcommands.Add(RecordsCommands.Build(io));
        root.Subcommands.Add(InstitutionCommands.Build(io));
        root.Subcommands.Add(PolicyCommands.Build(io));
        root.Subcommands.Add(RegionCommands.Build(io));
        root.Subcommands.Add(ClearingCommands.Build(io));

        root.Subcommands.Add(AuditCommand.Build(io));

        // `medcard` alone: the list of commands, not an error.
        root.SetAction(parse => new System.CommandLine.Help.HelpAction().Invoke(parse));

        // Every option's value checked at parse time, in one place.
        OptionRules.Apply(root);
        return root;
    }
}
