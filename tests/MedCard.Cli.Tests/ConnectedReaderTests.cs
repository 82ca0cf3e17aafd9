using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Simulator;
using MedCard.Simulator.Cards;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>
/// The tool against a connected reader: the desktop simulator (firmware core) on a real pseudo-terminal,
/// provisioned over the link by `medcard provision --port`, settling with `medcard settle --port` while the
/// simulator's virtual holder types the card's PIN.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ConnectedReaderTests : SimulatedReaderTests
{
    private Task<CliRun> SettleWhenAskedAsync(string card, params string[] args) => SettleWhenAskedAsync(Sim, card, args);

    private async Task<CliRun> SettleWhenAskedAsync(ReaderSimulator sim, string card, params string[] args)
    {
        // stderr is shared with the test thread, so it is synchronized.
        using var stdout = new StringWriter();
        var stderrText = new StringWriter();
        TextWriter stderr = TextWriter.Synchronized(stderrText);
        Task<int> run = MedCardCli.RunAsync(["--store", Cli.Store, "--json", "settle", "--port", sim.DevicePath, "--wait", "20", .. args],
            new CliIo(stdout, stderr, TextReader.Null, OutputIsTerminal: false), CancellationToken.None);

        // Present the card only once the tool says it listens for it, like a holder at the counter.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!stderrText.ToString().Contains("waiting up to", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(20, deadline.Token);
        }

        sim.PlaceCard(card);
        int exit = await run.WaitAsync(TimeSpan.FromSeconds(30));
        sim.LiftCard();
        // The reader polls its field: let it see the card leave, so the next run's placement is a new arrival.
        await sim.WaitForAsync(s => !s.CardPresent && s.State == MedCard.Firmware.Reader.ReaderState.Idle, TimeSpan.FromSeconds(10));
        return new CliRun(exit, stdout.ToString(), stderrText.ToString());
    }

    [Fact]
    public async Task Provision_over_the_link_then_settle_with_the_pin_typed_on_the_reader()
    {
        await Cli.SeedAsync();
        CliRun provision = await Cli.OkAsync("--json", "provision", "--reader", "7001", "--port", Sim.DevicePath);
        Assert.Equal(Sim.DevicePath, provision.Json.GetProperty("target").GetString());
        await Sim.WaitForAsync(s => s.ReaderId == 7001, TimeSpan.FromSeconds(10));

        await Cli.OkAsync("card", "enroll", "--id", AliceId, "--name", "Zhang Li", "--card", "M0000001", "--uid", "04A1B2C3", "--pin", "123456",
            "--balance", "50");
        CliRun settle = await SettleWhenAskedAsync("alice", "--institution", "H001", "--item", "CONSULT:25:self");
        Assert.True(settle.ExitCode == ExitCodes.Success, settle.ToString());
        JsonElement json = settle.Json;
        Assert.Equal(7001u, json.GetProperty("reader").GetUInt32());
        Assert.Equal("M0000001", json.GetProperty("card").GetString());
        Assert.Equal(2500, json.GetProperty("ownAccountFen").GetInt64());
        Assert.Equal(2500, await Cli.BalanceFenAsync(AliceId));
        Assert.Equal(1u, Sim.Snapshot.Counter);
        JsonElement card = (await Cli.OkAsync("--json", "card", "show", "--card", "M0000001")).Json.GetProperty("card");
        Assert.Equal(3, card.GetProperty("pinTriesLeft").GetInt32());
        Assert.Equal(1, card.GetProperty("unprintedRecords").GetInt32());
    }

    [Fact]
    public async Task With_the_issuers_holder_mac_key_the_card_settles_and_with_another_key_it_is_refused_before_signing()
    {
        await Cli.SeedAsync();
        await Cli.OkAsync("provision", "--reader", "7001", "--port", Sim.DevicePath);
        await Cli.OkAsync("card", "enroll", "--id", AliceId, "--name", "Zhang Li", "--card", "M0000001", "--uid", "04A1B2C3", "--pin", "123456",
            "--balance", "50");

        // Another 32-byte key than the issuer's, as raw bytes: the card's holder data does not verify, nothing is signed.
        string wrong = Path.Combine(Cli.Folder, "wrong.key");
        File.WriteAllBytes(wrong, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        CliRun refused = await SettleWhenAskedAsync("alice", "--institution", "H001", "--item", "CONSULT:25:self", "--holder-mac-key", wrong);
        Assert.True(refused.ExitCode == ExitCodes.Refused, refused.ToString());
        Assert.Equal("reader.unreadable_card", refused.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Contains("before signing", refused.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("BadIssuerMac", refused.Out, StringComparison.Ordinal);
        Assert.Equal(0u, Sim.Snapshot.Counter);
        Assert.Equal(5000, await Cli.BalanceFenAsync(AliceId));

        // The cards file `medcard sim --export-cards` writes carries the issuer's key (scheme.holderMacKey): verified, settled.
        string cards = Path.Combine(Cli.Folder, "cards.json");
        await Cli.OkAsync("sim", "--export-cards", cards);
        CliRun settled = await SettleWhenAskedAsync("alice", "--institution", "H001", "--item", "CONSULT:25:self", "--holder-mac-key", cards);
        Assert.True(settled.ExitCode == ExitCodes.Success, settled.ToString());
        Assert.Equal(1u, Sim.Snapshot.Counter);
        Assert.Equal(2500, await Cli.BalanceFenAsync(AliceId));
        string issuerKey = CardDeck.DemoFile().Scheme!.HolderMacKey;
        Assert.DoesNotContain(issuerKey, settled.Out + settled.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_or_unusable_holder_mac_key_file_is_bad_input_and_holder_mac_key_needs_port()
    {
        string zeros = Path.Combine(Cli.Folder, "zeros.key");
        File.WriteAllBytes(zeros, new byte[32]);
        string cardsWithoutScheme = Path.Combine(Cli.Folder, "no-scheme.json");
        File.WriteAllText(cardsWithoutScheme, "{ \"cards\": [] }");
        foreach (string file in new[] { Path.Combine(Cli.Folder, "nope.key"), zeros, cardsWithoutScheme })
        {
            CliRun run = await Cli.RunAsync("settle", "--port", Sim.DevicePath, "--institution", "H001", "--amount", "25", "--holder-mac-key", file);
            Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.Contains("--holder-mac-key file", run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Cli.Store)); // refused before the ledger was opened
        }

        string cards = Path.Combine(Cli.Folder, "cards.json");
        await Cli.OkAsync("sim", "--export-cards", cards);
        CliRun simulated = await Cli.RunAsync("settle", "--simulated", "--card", "MC0001", "--pin", "123456", "--institution", "H001", "--amount", "10",
            "--holder-mac-key", cards);
        Assert.Equal(ExitCodes.BadInput, simulated.ExitCode);
        Assert.Contains("--holder-mac-key applies to a connected reader", simulated.Error, StringComparison.Ordinal);
    }

    /// <summary>The demo scheme's key-A master as 64 hex digits (the reader's card key; the simulator's cards are
    /// personalised under the scheme's three keys).</summary>
    private string WriteCardKeysFile(string name)
    {
        MedCard.Simulator.Cards.SchemeKeys scheme = CardDeck.DemoFile().Scheme!;
        string path = Path.Combine(Cli.Folder, name);
        File.WriteAllText(path, scheme.KeyAMasterKey + "\n");
        return path;
    }

    private static string Fingerprint(string hex) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(hex)).AsSpan(0, 8));

    [Fact]
    public async Task Card_keys_go_over_the_link_after_the_reader_key_and_then_the_reader_reads_the_cards()
    {
        await using ReaderSimulator bare = await ReaderSimulator.StartAsync(new SimulatorOptions
        {
            Cards = CardDeck.FromFile(CardDeck.DemoFile() with { Reader = null }),
            FlashCardKeys = false,
            KeyHoldMs = 150,
            KeyGapMs = 100,
        });
        await Cli.SeedAsync();
        await Cli.OkAsync("card", "enroll", "--id", AliceId, "--name", "Zhang Li", "--card", "M0000001", "--uid", "04A1B2C3", "--pin", "123456",
            "--balance", "50");

        // Control: with a reader key but no card keys, the reader cannot read alice's card.
        await Cli.OkAsync("provision", "--reader", "7001", "--port", bare.DevicePath);
        bare.PlaceCard("alice");
        ReaderSnapshot unread = await bare.WaitForAsync(s => s.State == MedCard.Firmware.Reader.ReaderState.WaitingRemoval || s.CardNumber is not null,
            TimeSpan.FromSeconds(10));
        Assert.Null(unread.CardNumber);
        bare.LiftCard();
        await bare.WaitForAsync(s => !s.CardPresent && s.State == MedCard.Firmware.Reader.ReaderState.Idle, TimeSpan.FromSeconds(10));

        // The same command with --card-keys: the reader already shares reader 7001's key with the host, so only the
        // card keys are sent.
        string keysFile = WriteCardKeysFile("scheme.keys");
        CliRun install = await Cli.OkAsync("--json", "provision", "--reader", "7001", "--port", bare.DevicePath, "--card-keys", keysFile);
        JsonElement cardKeys = install.Json.GetProperty("cardKeys");
        MedCard.Simulator.Cards.SchemeKeys scheme = CardDeck.DemoFile().Scheme!;
        Assert.Equal("installed", cardKeys.GetProperty("status").GetString());
        Assert.Equal(Fingerprint(scheme.KeyAMasterKey), cardKeys.GetProperty("keyAMasterKeyFingerprint").GetString());
        Assert.Contains("reader key was not changed", install.Error, StringComparison.Ordinal);
        foreach (string secret in new[] { scheme.KeyAMasterKey, scheme.KeyBMasterKey, scheme.HolderMacKey })
        {
            Assert.DoesNotContain(secret, install.Out + install.Error, StringComparison.OrdinalIgnoreCase);
        }

        CliRun settle = await SettleWhenAskedAsync(bare, "alice", "--institution", "H001", "--item", "CONSULT:25:self");
        Assert.True(settle.ExitCode == ExitCodes.Success, settle.ToString());
        Assert.Equal(1u, bare.Snapshot.Counter);
    }

    [Fact]
    public async Task Card_keys_already_on_the_reader_are_left_alone_with_a_warning_and_a_bad_keys_file_changes_nothing()
    {
        string bad = Path.Combine(Cli.Folder, "short.keys");
        File.WriteAllText(bad, new string('A', 100));
        CliRun refused = await Cli.RunAsync("--json", "provision", "--reader", "7001", "--port", Sim.DevicePath, "--card-keys", bad);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Equal(0u, Sim.Snapshot.ReaderId); // nothing reached the reader
        Assert.Equal(ExitCodes.BadInput, (await Cli.RunAsync("provision", "--reader", "1", "--card-keys", WriteCardKeysFile("k"))).ExitCode);

        // This simulator was flashed with the scheme's card keys: the reader key goes in, the card keys stay.
        CliRun run = await Cli.OkAsync("--json", "provision", "--reader", "7001", "--port", Sim.DevicePath, "--card-keys", WriteCardKeysFile("k2"));
        Assert.Equal("already-installed", run.Json.GetProperty("cardKeys").GetProperty("status").GetString());
        Assert.Contains("factory wipe", run.Json.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.Contains("medcard: warning:", run.Error, StringComparison.Ordinal);
        Assert.NotNull(run.Json.GetProperty("keyFingerprint").GetString());
        await Sim.WaitForAsync(s => s.ReaderId == 7001, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Provisioning_twice_over_the_link_is_refused()
    {
        CliRun first = await Cli.OkAsync("--verbose", "provision", "--reader", "7001", "--port", Sim.DevicePath);
        Assert.Contains("ReaderLink", first.Error); // --verbose: the host library's log on stderr
        CliRun again = await Cli.RunAsync("--json", "provision", "--reader", "7002", "--port", Sim.DevicePath);
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Equal("reader.already_provisioned", again.Json.GetProperty("error").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Unknown_card_on_a_connected_reader_is_refused_before_signing()
    {
        await Cli.SeedAsync();
        await Cli.OkAsync("provision", "--reader", "7001", "--port", Sim.DevicePath);
        CliRun settle = await SettleWhenAskedAsync("alice", "--institution", "H001", "--amount", "25");
        Assert.Equal(ExitCodes.Refused, settle.ExitCode);
        Assert.Equal("card.unknown", settle.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(0u, Sim.Snapshot.Counter);
    }

    [Fact]
    public async Task Wrong_pins_are_refused_before_signing_three_block_and_after_the_reset_one_settlement_counts_no_extra_try()
    {
        await Cli.SeedAsync();
        await Cli.OkAsync("provision", "--reader", "7001", "--port", Sim.DevicePath);
        // The ledger holds another PIN than the one the simulator's holder types (123456): every entry is wrong.
        await Cli.OkAsync("card", "enroll", "--id", AliceId, "--name", "Zhang Li", "--card", "M0000001", "--uid", "04A1B2C3", "--pin", "654321",
            "--balance", "50");

        for (int triesLeft = 2; triesLeft >= 1; triesLeft--)
        {
            CliRun wrong = await SettleWhenAskedAsync("alice", "--institution", "H001", "--amount", "25");
            Assert.True(wrong.ExitCode == ExitCodes.Refused, wrong.ToString());
            JsonElement error = wrong.Json.GetProperty("error");
            Assert.Equal("pin.wrong", error.GetProperty("key").GetString());
            Assert.Equal(triesLeft, error.GetProperty("pinTriesLeft").GetInt32());
            Assert.Contains("before signing", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(0u, Sim.Snapshot.Counter); // the reader signed nothing
        }

        CliRun third = await SettleWhenAskedAsync("alice", "--institution", "H001", "--amount", "25");
        Assert.Equal("pin.blocked", third.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(0u, Sim.Snapshot.Counter);
        JsonElement blocked = (await Cli.OkAsync("--json", "card", "show", "--card", "M0000001")).Json.GetProperty("card");
        Assert.Equal("pin-blocked", blocked.GetProperty("status").GetString());
        Assert.Equal(5000, await Cli.BalanceFenAsync(AliceId));

        // The desk resets the PIN to the one the holder types: one record signed, one settlement, tries back to 3.
        await Cli.OkAsync("pin", "reset", "--card", "M0000001", "--id", AliceId, "--new-pin", "123456");
        CliRun settle = await SettleWhenAskedAsync("alice", "--institution", "H001", "--item", "CONSULT:25:self");
        Assert.True(settle.ExitCode == ExitCodes.Success, settle.ToString());
        Assert.Equal(1u, Sim.Snapshot.Counter);
        Assert.Equal(2500, await Cli.BalanceFenAsync(AliceId));
        JsonElement card = (await Cli.OkAsync("--json", "card", "show", "--card", "M0000001")).Json.GetProperty("card");
        Assert.Equal(3, card.GetProperty("pinTriesLeft").GetInt32());
        Assert.Equal(1, card.GetProperty("unprintedRecords").GetInt32());
    }

    [Fact]
    public async Task Settle_on_an_unprovisioned_reader_is_refused_and_pin_with_port_is_bad_input()
    {
        await Cli.SeedAsync();
        CliRun run = await Cli.RunAsync("--json", "settle", "--port", Sim.DevicePath, "--institution", "H001", "--amount", "25", "--wait", "1");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("reader.not_provisioned", run.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(ExitCodes.BadInput, (await Cli.RunAsync("settle", "--port", Sim.DevicePath, "--pin", "1234", "--institution", "H001",
            "--amount", "25")).ExitCode);
    }

    [Fact]
    public async Task No_card_within_the_wait_is_refused()
    {
        await Cli.SeedAsync();
        await Cli.OkAsync("provision", "--reader", "7001", "--port", Sim.DevicePath);
        CliRun run = await Cli.RunAsync("--json", "settle", "--port", Sim.DevicePath, "--institution", "H001", "--amount", "25", "--wait", "0.5");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("reader.no_card", run.Json.GetProperty("error").GetProperty("key").GetString());
    }
}
