using System.CommandLine;
using System.Text.Json.Nodes;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Services;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard audit`: the ledger's own invariant check (<see cref="LedgerAudit"/>): every entry sums to zero,
/// balances equal their postings and are not negative, unprinted counts equal their records and stay within 60,
/// year-to-date totals equal their settlements and claims, every settled record has an entry. Read-only: exit 0 when
/// they all hold, <see cref="ExitCodes.AuditFailed"/> with every finding when not.</summary>
internal static class AuditCommand
{
    public static Command Build(CliIo io)
    {
        var command = new Command("audit", "Check the ledger's invariants (postings sum to zero, balances, unprinted counts, year-to-date totals)");
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            AuditReport report = await LedgerAudit.VerifyAsync(await ctx.StoreAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            var findings = new JsonArray();
            foreach (string violation in report.Violations)
            {
                findings.Add(violation);
            }

            if (report.Ok)
            {
                if (ctx.Json)
                {
                    ctx.WriteJson(new JsonObject { ["audit"] = Json(report, findings) });
                    return;
                }

                ctx.Say("[green]ledger audit ok[/]: " + report.EntryCount + " entries, postings sum to " + Money.Format(report.PostingTotal));
                return;
            }

            if (!ctx.Json)
            {
                // The findings are the output; the error line that follows on stderr is the summary.
                foreach (string violation in report.Violations)
                {
                    ctx.Io.Out.WriteLine(Echo.Line(violation));
                }
            }

            var error = new CliException(ExitCodes.AuditFailed, "audit", "the ledger audit found " + report.Violations.Count + " violation"
                + (report.Violations.Count == 1 ? string.Empty : "s") + " (first: " + report.Violations[0] + ")",
                "do not settle on this ledger until the cause is found; restore from a backup if the data was changed outside medcard");
            error.Details["audit"] = Json(report, findings);
            throw error;
        });
        return command;
    }

    private static JsonObject Json(AuditReport report, JsonArray findings) => new()
    {
        ["ok"] = report.Ok,
        ["entries"] = report.EntryCount,
        ["postingTotalFen"] = report.PostingTotal,
        ["violations"] = findings,
    };
}
