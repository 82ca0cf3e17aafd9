using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard pin keys list|rotate` on a real SQLite ledger and its real key file beside it.</summary>
public sealed class PinKeyCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private string KeyFile => _cli.Store + ".pin-keys";

    private static long CardsUnder(JsonElement list, string keyId) =>
        list.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId).GetProperty("cards").GetInt64();

    [Fact]
    public async Task Rotation_adds_a_current_key_and_a_holder_moves_to_it_at_the_next_right_pin()
    {
        await _cli.SeedAsync();
        JsonElement before = (await _cli.OkAsync("--json", "pin", "keys", "list")).Json;
        JsonElement first = before.GetProperty("keys").EnumerateArray().Single();
        string oldKey = first.GetProperty("keyId").GetString()!;
        Assert.True(first.GetProperty("current").GetBoolean());
        Assert.Equal(2, first.GetProperty("cards").GetInt64()); // both enrolled cards got keyed values
        Assert.Equal(0, before.GetProperty("pbkdf2Cards").GetInt64());

        CliRun rotated = await _cli.OkAsync("--json", "pin", "keys", "rotate");
        JsonElement after = rotated.Json;
        string newKey = after.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("current").GetBoolean()).GetProperty("keyId").GetString()!;
        Assert.NotEqual(oldKey, newKey);
        Assert.Contains(newKey, after.GetProperty("action").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, CardsUnder(after, oldKey)); // nothing re-made yet: the old key must stay in the file
        Assert.Equal(0, CardsUnder(after, newKey));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        // No key bytes in what the tool prints.
        foreach (string line in File.ReadAllLines(KeyFile))
        {
            Assert.DoesNotContain(line.Split(' ')[1], rotated.Out, StringComparison.OrdinalIgnoreCase);
        }

        // A right PIN (here through a PIN change, which checks the old PIN) re-makes that card's value under the new key.
        await _cli.OkAsync("pin", "change", "--card", CliHarness.HolderCard, "--old-pin", CliHarness.HolderPin, "--new-pin", "654321");
        JsonElement moved = (await _cli.OkAsync("--json", "pin", "keys", "list")).Json;
        Assert.Equal(1, CardsUnder(moved, oldKey));
        Assert.Equal(1, CardsUnder(moved, newKey));

        // The spouse's value, still under the old key, keeps verifying.
        await _cli.OkAsync("pin", "change", "--card", CliHarness.SpouseCard, "--old-pin", CliHarness.SpousePin, "--new-pin", "135790");
        Assert.Equal(0, CardsUnder((await _cli.OkAsync("--json", "pin", "keys", "list")).Json, oldKey));
    }

    [Fact]
    public async Task A_lost_key_file_shows_the_cards_whose_key_is_missing_and_rotation_starts_a_new_file()
    {
        await _cli.SeedAsync();
        string lostKey = (await _cli.OkAsync("--json", "pin", "keys", "list")).Json.GetProperty("keys")[0].GetProperty("keyId").GetString()!;
        File.Delete(KeyFile);
        JsonElement list = (await _cli.OkAsync("--json", "pin", "keys", "list")).Json;
        Assert.Equal(JsonValueKind.Null, list.GetProperty("keyFile").ValueKind);
        Assert.Empty(list.GetProperty("keys").EnumerateArray());
        Assert.Equal(lostKey, list.GetProperty("missingKeyIds")[0].GetString());

        JsonElement created = (await _cli.OkAsync("--json", "pin", "keys", "rotate")).Json;
        Assert.StartsWith("created the PIN key file", created.GetProperty("action").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(KeyFile));
        Assert.Single(created.GetProperty("keys").EnumerateArray());
        Assert.Equal(lostKey, created.GetProperty("missingKeyIds")[0].GetString()); // those holders need a PIN reset
    }

    [Fact]
    public async Task Rotation_on_a_ledger_that_does_not_exist_is_refused_and_creates_nothing()
    {
        CliRun run = await _cli.RunAsync("pin", "keys", "rotate");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(KeyFile));
    }
}
