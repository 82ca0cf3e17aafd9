using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>`medcard pin keys list|rotate`: the PIN verification keys of the ledger (see <see cref="PinKeyLocation"/>).
/// Shows key ids and how many cards use each, never key bytes. Rotation adds a current key; holders' values move to it
/// at their next right PIN, and an old key may leave the file once `list` shows no card under it.</summary>
internal static class PinKeyCommands
{
    public static Command Build(CliIo io)
    {
        var keys = new Command("keys", "PIN verification keys: which exist, how many cards use each, rotation");
        keys.Subcommands.Add(List(io));
        keys.Subcommands.Add(Rotate(io));
        return keys;
    }

    private static Command List(CliIo io)
    {
        var command = new Command("list", "List the PIN verification key ids and the cards under each (and under PBKDF2)");
        CommandActions.Set(command, io, (ctx, parse, ct) => ShowAsync(ctx, null, ct));
        return command;
    }

    private static Command Rotate(CliIo io)
    {
        var command = new Command("rotate", "Add a new current PIN verification key (creates the key file if the ledger has none)");
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            await ctx.StoreAsync(ct).ConfigureAwait(false); // the ledger must exist; its key file, if any, must be sound
            (string _, string keyId, bool created) = PinKeyLocation.Rotate(ctx.StoreSpec);
            await ShowAsync(ctx, (created ? "created the PIN key file with key " : "new current PIN key ") + keyId, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task ShowAsync(CliContext ctx, string? action, CancellationToken ct)
    {
        CardDesk desk = await ctx.DeskAsync(ct).ConfigureAwait(false);
        List<PinProtectionCount> counts = await desk.CountPinProtectionsAsync(ct).ConfigureAwait(false);
        string? path = PinKeyLocation.For(ctx.StoreSpec);
        // Read the file again (not the copy opened with the ledger): after a rotation it holds the new key.
        using PinKeyFile? file = path is null ? null : PinKeyLocation.Open(ctx.StoreSpec, StoreAccess.Existing);
        IReadOnlyList<string> ids = file?.KeyIds ?? [];
        long Cards(string? id) => counts.Where(c => c.KeyId == id).Sum(c => c.Cards);
        IEnumerable<string> missing = counts.Where(c => c.KeyId is not null && !ids.Contains(c.KeyId)).Select(c => c.KeyId!);

        if (ctx.Json)
        {
            var keys = new JsonArray();
            foreach (string id in ids)
            {
                keys.Add(new JsonObject { ["keyId"] = id, ["current"] = id == file!.CurrentKeyId, ["cards"] = Cards(id) });
            }

            var json = new JsonObject
            {
                ["keyFile"] = file is null ? null : path,
                ["keys"] = keys,
                ["pbkdf2Cards"] = Cards(null),
                ["missingKeyIds"] = new JsonArray(missing.Select(m => (JsonNode?)m).ToArray()),
            };
            if (action is not null)
            {
                json["action"] = action;
            }

            ctx.WriteJson(json);
            return;
        }

        if (action is not null)
        {
            ctx.Say("[green]" + Markup.Escape(action) + "[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).Title("PIN verification keys").AddColumn("Key id").AddColumn("Current").AddColumn(new TableColumn("Cards").RightAligned());
        foreach (string id in ids)
        {
            table.AddRow(Markup.Escape(id), id == file!.CurrentKeyId ? "yes" : "no", Cards(id).ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("(PBKDF2, no key)", "-", Cards(null).ToString(CultureInfo.InvariantCulture));
        foreach (string id in missing)
        {
            table.AddRow("[red]" + Markup.Escape(id) + " (not in the key file)[/]", "-", Cards(id).ToString(CultureInfo.InvariantCulture));
        }

        ctx.Console.Write(table);
        ctx.Say(file is null ? "No PIN key file: PINs are kept as PBKDF2 hashes." : "Key file: " + Markup.Escape(path!));
    }
}
