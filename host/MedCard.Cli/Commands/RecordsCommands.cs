using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Files;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Statements;
using MedCard.Settlement.Stores;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard records list|print`: the card's unprinted transaction records (the 60-record limit) and
/// printing them as a statement, which makes a stopped card work again.</summary>
internal static class RecordsCommands
{
    public static Command Build(CliIo io)
    {
        var records = new Command("records", "List a card's unprinted records, print statements (text or PDF), the whole history");
        records.Subcommands.Add(List(io));
        records.Subcommands.Add(Print(io));
        records.Subcommands.Add(HistoryCommand.Build(io));
        return records;
    }

    private static Command List(CliIo io)
    {
        var number = Opt.Required("--card", "Card number");
        var command = new Command("list", "List the card's unprinted records (at " + CardRules.UnprintedRecordLimit + " the card stops until they are printed)")
        {
            number,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string cardNumber = Inputs.CardNumber(parse.GetValue(number));
            ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
            Card card = await store.InTransactionAsync((s, _) => s.GetCardAsync(cardNumber), ct).ConfigureAwait(false)
                ?? throw new RefusedException("card " + cardNumber + " not found", Refusal.Of(ReasonCode.UnknownCard));
            List<CardRecord> records = await store.InTransactionAsync((s, _) => s.GetUnprintedRecordsAsync(cardNumber), ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                var array = new JsonArray();
                records.ForEach(r => array.Add(Views.Record(r)));
                ctx.WriteJson(new JsonObject
                {
                    ["card"] = cardNumber,
                    ["unprinted"] = card.UnprintedCount,
                    ["limit"] = CardRules.UnprintedRecordLimit,
                    ["records"] = array,
                });
                return;
            }

            ctx.Console.Write(Views.RecordsTable("Card " + cardNumber + ": " + card.UnprintedCount + " of " + CardRules.UnprintedRecordLimit
                + " unprinted records", records));
        });
        return command;
    }

    private static Command Print(CliIo io)
    {
        var numbers = Opt.Many("--card", "Card number (repeat for several cards)", required: true);
        var format = new Option<StatementFormat>("--format") { Description = "text or pdf", DefaultValueFactory = _ => StatementFormat.Text };
        var output = Opt.Optional("--output", "File to write (one card) or folder (several cards); text goes to stdout when omitted", ValueKind.Path);
        var command = new Command("print", "Print every unprinted record into a statement and mark them printed") { numbers, format, output };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            string[] cards = parse.GetValue(numbers) ?? [];
            foreach (string c in cards)
            {
                Inputs.CardNumber(c);
            }

            StatementFormat fmt = parse.GetValue(format);
            string? target = parse.GetValue(output);
            if (fmt == StatementFormat.Pdf && target is null)
            {
                target = cards.Length == 1 ? "statement-" + cards[0] + ".pdf" : ".";
            }

            CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);

            // Every card must exist before any is printed: printing marks records printed, so stopping halfway
            // would leave earlier statements marked but never shown.
            foreach (string c in cards)
            {
                _ = await desk.GetCardAsync(c, ct).ConfigureAwait(false)
                    ?? throw new RefusedException("card " + c + " not found", Refusal.Of(ReasonCode.UnknownCard));
            }

            if (target is not null && cards.Length > 1 && !Directory.Exists(target))
            {
                throw CliException.BadInput("--output " + target + " is not a folder", "with several cards, --output names an existing folder");
            }

            var printed = new List<(Statement Statement, string? Path)>();
            async Task PrintAllAsync(Action<int>? step)
            {
                foreach (string c in cards)
                {
                    // The file is written (and moved into place), or the text written to stdout and flushed, inside
                    // the print, before its records are marked printed: a statement nobody can read (a full disk, a
                    // closed pipe) never resets the 60-record count.
                    string? path = null;
                    Statement statement = await desk.PrintStatementAsync(c, async (s, token) =>
                            path = await DeliverAsync(ctx, s, fmt, target, cards.Length > 1, token).ConfigureAwait(false), ct).ConfigureAwait(false)
                        ?? throw new RefusedException("card " + c + " not found", Refusal.Of(ReasonCode.UnknownCard));
                    printed.Add((statement, path));
                    step?.Invoke(printed.Count);
                }
            }

            if (ctx.ShowProgress && cards.Length > 1 && target is not null) // text on stdout would run through the bar
            {
                await ctx.Console.Progress().StartAsync(async p =>
                {
                    ProgressTask task = p.AddTask("Printing statements", maxValue: cards.Length);
                    await PrintAllAsync(_ => task.Increment(1)).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                await PrintAllAsync(null).ConfigureAwait(false);
            }

            Report(ctx, printed, fmt);
        });
        return command;
    }

    /// <summary>Puts the statement where the holder gets it; the file's full path, or null for stdout.</summary>
    private static async Task<string?> DeliverAsync(CliContext ctx, Statement statement, StatementFormat format, string? target, bool many, CancellationToken ct)
    {
        if (target is null)
        {
            if (!ctx.Json)
            {
                // Flushed here so a closed pipe fails the print. With --json the text travels in the document Report writes.
                await ctx.Io.Out.WriteAsync(StatementTextRenderer.Render(statement).AsMemory(), ct).ConfigureAwait(false);
                await ctx.Io.Out.FlushAsync(ct).ConfigureAwait(false);
            }

            return null;
        }

        string path = many || Directory.Exists(target)
            ? Path.Combine(target, "statement-" + statement.CardNumber + (statement.StatementId is long id ? "-" + id : string.Empty)
                + (format == StatementFormat.Pdf ? ".pdf" : ".txt"))
            : target;
        // Statements carry the holder's name and records: owner-only, and whole or not at all (temp file, then rename).
        await PrivateFiles.WriteAtomicallyAsync(path, async (file, token) =>
        {
            if (format == StatementFormat.Pdf)
            {
                StatementPdfRenderer.Render(statement, file);
            }
            else
            {
                await using var writer = new StreamWriter(file, leaveOpen: true);
                await writer.WriteAsync(StatementTextRenderer.Render(statement).AsMemory(), token).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false);
        return Path.GetFullPath(path);
    }

    private static void Report(CliContext ctx, List<(Statement Statement, string? Path)> printed, StatementFormat format)
    {
        if (ctx.Json)
        {
            var array = new JsonArray();
            foreach ((Statement s, string? path) in printed)
            {
                var records = new JsonArray();
                foreach (CardRecord r in s.Records)
                {
                    records.Add(Views.Record(r));
                }

                array.Add(new JsonObject
                {
                    ["card"] = s.CardNumber,
                    ["statementId"] = s.StatementId,
                    ["records"] = s.Records.Count,
                    ["credits"] = s.Credits.Count,
                    ["creditedFen"] = s.Credited,
                    ["totalFen"] = s.Total,
                    ["fundFen"] = s.Fund,
                    ["personalFen"] = s.Personal,
                    ["cashFen"] = s.Cash,
                    ["file"] = path,
                    ["text"] = path is null && format == StatementFormat.Text ? StatementTextRenderer.Render(s) : null,
                    ["lines"] = records,
                });
            }

            ctx.WriteJson(new JsonObject { ["statements"] = array });
            return;
        }

        foreach ((Statement s, string? path) in printed)
        {
            if (path is not null) // text on stdout was written by DeliverAsync
            {
                ctx.Say(Markup.Escape(s.CardNumber + ": " + (s.IsEmpty ? "nothing new to print"
                    : StatementFormatting.Count(s.Records.Count, "record") + (s.Credits.Count > 0 ? " and " + StatementFormatting.Count(s.Credits.Count, "credit") : string.Empty) + " printed") + " -> " + path));
            }
        }
    }
}

/// <summary>Statement output format.</summary>
internal enum StatementFormat
{
    Text = 0,
    Pdf = 1,
}
