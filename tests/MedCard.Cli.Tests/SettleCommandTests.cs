using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard settle` drives every settlement rule and refusal from the command line.</summary>
public sealed class SettleCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    private Task<CliRun> SettleAsync(params string[] extra) =>
        _cli.RunAsync(["--json", "settle", "--simulated", .. extra]);

    private static string RefusalKey(CliRun run) => run.Json.GetProperty("error").GetProperty("key").GetString()!;

    [Fact]
    public async Task Settled_split_adds_up_to_the_bill_and_debits_the_account()
    {
        long before = await _cli.BalanceFenAsync(CliHarness.HolderId);
        CliRun run = await SettleAsync("--card", CliHarness.HolderCard, "--pin", CliHarness.HolderPin, "--institution", "H001",
            "--item", "CONSULT:25", "--item", "LAB:180", "--item", "DRUG:96.50:partly:10", "--item", "VIT:20:self");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        JsonElement s = run.Json;
        Assert.True(s.GetProperty("settled").GetBoolean());
        long total = s.GetProperty("totalFen").GetInt64();
        Assert.Equal(32150, total);
        long fund = s.GetProperty("fundFen").GetInt64();
        long own = s.GetProperty("ownAccountFen").GetInt64();
        long cash = s.GetProperty("cashFen").GetInt64();
        Assert.Equal(total, fund + own + s.GetProperty("relativeAccountFen").GetInt64() + cash);
        Assert.True(fund > 0);
        Assert.Equal(before - own, await _cli.BalanceFenAsync(CliHarness.HolderId));
        Assert.Contains(s.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("deductible", System.StringComparison.Ordinal));
        Assert.Equal("Accepted", s.GetProperty("recordVerdict").GetString());
    }

    [Fact]
    public async Task Settle_by_uid_finds_the_card()
    {
        CliRun run = await SettleAsync("--uid", "04d4e5f6", "--pin", CliHarness.SpousePin, "--institution", "P001", "--visit", "pharmacy", "--amount", "58.80");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(CliHarness.SpouseCard, run.Json.GetProperty("card").GetString());
    }

    [Fact]
    public async Task Text_output_shows_the_split_and_the_explanation()
    {
        CliRun run = await _cli.RunAsync("settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "300");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Pooled fund", run.Out);
        Assert.Contains("How it was computed", run.Out);
        Assert.Contains("300.00", run.Out);
    }

    [Fact]
    public async Task Three_wrong_pins_block_and_the_right_one_then_stays_blocked()
    {
        string[] bill = ["--card", CliHarness.HolderCard, "--institution", "H001", "--amount", "10"];
        CliRun first = await SettleAsync([.. bill, "--pin", "000000"]);
        Assert.Equal(ExitCodes.Refused, first.ExitCode);
        Assert.Equal("pin.wrong", RefusalKey(first));
        Assert.Equal(2, first.Json.GetProperty("error").GetProperty("pinTriesLeft").GetInt32());
        Assert.Equal("pin.wrong", RefusalKey(await SettleAsync([.. bill, "--pin", "000000"])));
        Assert.Equal("pin.blocked", RefusalKey(await SettleAsync([.. bill, "--pin", "000000"])));
        CliRun right = await SettleAsync([.. bill, "--pin", CliHarness.HolderPin]);
        Assert.Equal(ExitCodes.Refused, right.ExitCode);
        Assert.Equal("pin.blocked", RefusalKey(right));
        Assert.DoesNotContain("000000", first.Out + first.Error);
    }

    [Fact]
    public async Task Lost_card_refuses_outpatient_but_settles_emergency()
    {
        await _cli.OkAsync("card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na", "--id", CliHarness.SpouseId, "--employer", CliHarness.SpouseEmployer);
        CliRun outpatient = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "20");
        Assert.Equal("card.reported_lost", RefusalKey(outpatient));
        CliRun emergency = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--visit", "emergency",
            "--amount", "300");
        Assert.Equal(ExitCodes.Success, emergency.ExitCode);
    }

    [Fact]
    public async Task Replaced_card_is_refused_forever()
    {
        await _cli.OkAsync("card", "replace", "--card", CliHarness.SpouseCard, "--id", CliHarness.SpouseId, "--new-card", "MC0200", "--new-uid", "0A0B0C0D",
            "--pin", "7777");
        CliRun old = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--visit", "emergency",
            "--amount", "20");
        Assert.Equal("card.replaced", RefusalKey(old));
        Assert.Equal(ExitCodes.Success, (await SettleAsync("--card", "MC0200", "--pin", "7777", "--institution", "H001", "--amount", "20")).ExitCode);
    }

    [Fact]
    public async Task Non_designated_institution_refuses_all_but_emergency()
    {
        CliRun outpatient = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "C099", "--amount", "80");
        Assert.Equal("institution.not_designated", RefusalKey(outpatient));
        Assert.Equal(ExitCodes.Success, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "C099",
            "--visit", "emergency", "--amount", "800")).ExitCode);
        Assert.Equal("institution.unknown", RefusalKey(await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin,
            "--institution", "NOPE", "--amount", "80")));
    }

    [Fact]
    public async Task Relative_pays_only_when_bound()
    {
        string[] bill = ["--card", CliHarness.HolderCard, "--pin", CliHarness.HolderPin, "--institution", "H001", "--item", "MRI:900:self", "--relative", CliHarness.SpouseId];
        Assert.Equal("family.not_bound", RefusalKey(await SettleAsync(bill)));
        await _cli.OkAsync("family", "bind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.HolderId, "--relation", "spouse");
        long spouseBefore = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        JsonElement s = (await SettleAsync(bill)).Json;
        Assert.Equal(10000, s.GetProperty("ownAccountFen").GetInt64());
        Assert.Equal(80000, s.GetProperty("relativeAccountFen").GetInt64());
        Assert.Equal(CliHarness.SpouseId, s.GetProperty("relative").GetString());
        Assert.Equal(spouseBefore - 80000, await _cli.BalanceFenAsync(CliHarness.SpouseId));
    }

    [Fact]
    public async Task Low_balance_never_refuses_the_rest_is_cash()
    {
        JsonElement s = (await SettleAsync("--card", CliHarness.HolderCard, "--pin", CliHarness.HolderPin, "--institution", "H001",
            "--item", "X:500:self")).Json;
        Assert.Equal(10000, s.GetProperty("ownAccountFen").GetInt64());
        Assert.Equal(40000, s.GetProperty("cashFen").GetInt64());
        Assert.Equal(0, await _cli.BalanceFenAsync(CliHarness.HolderId));
    }

    [Fact]
    public async Task Forged_record_is_refused_and_the_reader_chain_survives()
    {
        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        CliRun forged = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "20", "--fault", "forge");
        Assert.Equal(ExitCodes.Refused, forged.ExitCode);
        Assert.Equal("record.forged", RefusalKey(forged));
        Assert.Equal(before, await _cli.BalanceFenAsync(CliHarness.SpouseId));
        Assert.Equal(ExitCodes.Success, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001",
            "--amount", "20")).ExitCode);
    }

    [Fact]
    public async Task An_answer_delivered_twice_on_the_line_is_taken_once_and_debits_once()
    {
        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        CliRun run = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--item", "X:40:self",
            "--fault", "resend");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("Accepted", run.Json.GetProperty("recordVerdict").GetString());
        Assert.Equal(before - 4000, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        // The next record chains on: the duplicate answer advanced nothing.
        CliRun next = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--item", "X:10:self");
        Assert.True(next.ExitCode == ExitCodes.Success, next.ToString());
        Assert.Equal(run.Json.GetProperty("counter").GetUInt32() + 1, next.Json.GetProperty("counter").GetUInt32());
    }

    [Fact]
    public async Task A_reader_rebooting_before_the_resend_answers_from_its_journal_and_debits_once()
    {
        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        CliRun run = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--item", "X:40:self",
            "--fault", "resign");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.True(run.Json.GetProperty("settled").GetBoolean());
        Assert.Equal(before - 4000, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        CliRun next = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--item", "X:10:self");
        Assert.True(next.ExitCode == ExitCodes.Success, next.ToString());
        Assert.Equal("Accepted", next.Json.GetProperty("recordVerdict").GetString());
        Assert.Equal(before - 5000, await _cli.BalanceFenAsync(CliHarness.SpouseId));
    }

    [Fact]
    public async Task Replayed_counter_is_refused()
    {
        string[] bill = ["--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "20"];
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync([.. bill, "--fault", "replay"])).ExitCode); // nothing to replay yet
        Assert.Equal(ExitCodes.Success, (await SettleAsync(bill)).ExitCode);
        CliRun replay = await SettleAsync([.. bill, "--fault", "replay"]);
        Assert.Equal("record.replayed", RefusalKey(replay));
    }

    [Fact]
    public async Task An_answer_lost_on_the_line_is_resent_answered_from_the_reader_cache_and_settled_once()
    {
        string[] bill = ["--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "20"];
        Assert.Equal(ExitCodes.Success, (await SettleAsync(bill)).ExitCode);
        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        CliRun lost = await SettleAsync([.. bill, "--fault", "lost"]);
        Assert.True(lost.ExitCode == ExitCodes.Success, lost.ToString());
        Assert.Equal(2u, lost.Json.GetProperty("counter").GetUInt32()); // one signing, not two
        Assert.Equal(before - 2000, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        JsonElement next = (await SettleAsync(bill)).Json;
        Assert.True(next.GetProperty("settled").GetBoolean());
        Assert.Equal(3u, next.GetProperty("counter").GetUInt32());
    }

    [Fact]
    public async Task Cloned_uid_on_another_card_number_is_refused_as_forged()
    {
        CliRun run = await SettleAsync("--card", CliHarness.SpouseCard, "--uid", "04A1B2C9", "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "20");
        Assert.Equal("record.forged", RefusalKey(run));
    }

    [Fact]
    public async Task Unknown_card_and_unprovisioned_reader_are_refused()
    {
        CliRun unknown = await SettleAsync("--uid", "0102030405060708090A", "--pin", "1234", "--institution", "H001", "--amount", "20");
        Assert.Equal("card.unknown", RefusalKey(unknown));
        CliRun reader = await SettleAsync("--reader", "9", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "20");
        Assert.Equal(ExitCodes.Refused, reader.ExitCode);
        Assert.Equal("reader.not_provisioned", RefusalKey(reader));
        Assert.Contains("medcard provision --reader 9", reader.Error);
    }

    [Fact]
    public async Task Sixty_unprinted_records_stop_the_card_until_printed()
    {
        await _cli.OkAsync("card", "enroll", "--id", "44030519900101123X", "--name", "Chen Jie", "--card", "MC0004", "--uid", "5E6F7A8B", "--pin", "1111",
            "--balance", "3000");
        string[] bill = ["--card", "MC0004", "--pin", "1111", "--institution", "P001", "--visit", "pharmacy", "--amount", "1.50"];
        for (int i = 0; i < 60; i++)
        {
            Assert.Equal(ExitCodes.Success, (await SettleAsync(bill)).ExitCode);
        }

        CliRun stopped = await SettleAsync(bill);
        Assert.Equal(ExitCodes.Refused, stopped.ExitCode);
        Assert.Equal("card.unprinted_limit", RefusalKey(stopped));
        Assert.Contains("medcard records print", stopped.Error);

        JsonElement printed = (await _cli.OkAsync("--json", "records", "print", "--card", "MC0004")).Json.GetProperty("statements")[0];
        Assert.Equal(60, printed.GetProperty("records").GetInt32());
        Assert.Equal(ExitCodes.Success, (await SettleAsync(bill)).ExitCode);
    }

    [Theory]
    [InlineData("--item", "NOAMOUNT")]
    [InlineData("--item", "X:abc")]
    [InlineData("--item", "X:10:partly")]
    [InlineData("--item", "X:10:covered:20")]
    [InlineData("--item", "X:10:weird")]
    [InlineData("--amount", "0")]
    [InlineData("--visit", "dental")]
    [InlineData("--relative", "12345")]
    [InlineData("--fault", "explode")]
    public async Task Malformed_settle_input_is_bad_input(string option, string value)
    {
        string[] args = ["--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001"];
        if (option is not "--item" and not "--amount")
        {
            args = [.. args, "--amount", "10"];
        }

        CliRun run = await SettleAsync([.. args, option, value]);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Fact]
    public async Task Bill_sources_must_be_exactly_one_and_a_card_must_be_presented()
    {
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "2468", "--institution", "H001")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "2468", "--institution", "H001", "--amount", "1",
            "--item", "A:1")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--pin", "2468", "--institution", "H001", "--amount", "1")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "2468", "--amount", "1")).ExitCode); // no institution
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "24", "--institution", "H001", "--amount", "1")).ExitCode);
    }

    [Fact]
    public async Task Bill_file_supplies_items_institution_and_visit()
    {
        string file = Path.Combine(_cli.Folder, "bill.json");
        await File.WriteAllTextAsync(file, """
            {"institution": "P001", "visit": "pharmacy", "items": [
              {"code": "AMLO", "description": "Amlodipine", "class": "covered", "amount": "58.80"},
              {"code": "VITC", "class": "self", "amountFen": 3500},
              {"code": "HERB", "class": "partly", "selfPaid": "20", "amount": 100}
            ]}
            """);
        JsonElement s = (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--bill", file)).Json;
        Assert.Equal(5880 + 3500 + 10000, s.GetProperty("totalFen").GetInt64());
        Assert.Equal("pharmacy", s.GetProperty("visit").GetString());
        Assert.Equal("P001", s.GetProperty("institution").GetString());
    }

    [Fact]
    public async Task Bad_bill_files_are_bad_input()
    {
        string missing = Path.Combine(_cli.Folder, "missing.json");
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "2468", "--bill", missing)).ExitCode);
        string broken = Path.Combine(_cli.Folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{\"items\": [ {\"code\": \"A\", \"amount\": ");
        Assert.Equal(ExitCodes.BadInput, (await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "2468", "--institution", "H001", "--bill", broken)).ExitCode);
        string noItems = Path.Combine(_cli.Folder, "noitems.json");
        await File.WriteAllTextAsync(noItems, "{\"institution\": \"H001\"}");
        CliRun run = await SettleAsync("--card", CliHarness.SpouseCard, "--pin", "2468", "--bill", noItems);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("items", run.Error);
    }
}
