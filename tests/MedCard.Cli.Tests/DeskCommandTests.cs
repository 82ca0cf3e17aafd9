using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>Service-desk commands: policy, institution, card, pin, family, balance.</summary>
public sealed class DeskCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Policy_show_returns_what_was_set_in_fen_and_basis_points()
    {
        await _cli.OkAsync("policy", "set", "--visit", "pharmacy", "--deductible", "12.34", "--copay", "12.5%", "--cap", "999");
        JsonElement pharmacy = (await _cli.OkAsync("--json", "policy", "show")).Json.GetProperty("policies").GetProperty("pharmacy");
        Assert.Equal(1234, pharmacy.GetProperty("deductibleFen").GetInt64());
        Assert.Equal(1250, pharmacy.GetProperty("copayBasisPoints").GetInt32());
        Assert.Equal(99900, pharmacy.GetProperty("fundCapFen").GetInt64());
    }

    [Theory]
    [InlineData("--copay", "101")]
    [InlineData("--copay", "thirty")]
    [InlineData("--deductible", "-5")]
    [InlineData("--deductible", "1.234")]
    public async Task Policy_set_rejects_malformed_numbers(string option, string value)
    {
        string[] args = ["policy", "set", "--visit", "outpatient", "--deductible", "1", "--copay", "1", "--cap", "1"];
        args[System.Array.IndexOf(args, option) + 1] = value;
        CliRun run = await _cli.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public async Task Policy_set_rejects_an_unknown_visit_type()
    {
        CliRun run = await _cli.RunAsync("policy", "set", "--visit", "dental", "--deductible", "1", "--copay", "1", "--cap", "1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Fact]
    public async Task Institution_list_shows_designation()
    {
        JsonElement list = (await _cli.OkAsync("--json", "institution", "list")).Json.GetProperty("institutions");
        Assert.Equal(3, list.GetArrayLength());
        JsonElement clinic = list.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "C099");
        Assert.False(clinic.GetProperty("designated").GetBoolean());
        Assert.True(list.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "H001").GetProperty("designated").GetBoolean());
    }

    [Fact]
    public async Task Institution_add_without_a_name_is_bad_input()
    {
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("institution", "add", "--id", "X1")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("institution", "add", "--id", "X1", "--name", "  ")).ExitCode);
    }

    [Fact]
    public async Task Enrolled_card_shows_balance_status_and_counts()
    {
        JsonElement json = (await _cli.OkAsync("--json", "card", "show", "--card", CliHarness.HolderCard)).Json;
        Assert.Equal("active", json.GetProperty("card").GetProperty("status").GetString());
        Assert.Equal(3, json.GetProperty("card").GetProperty("pinTriesLeft").GetInt32());
        Assert.Equal(0, json.GetProperty("card").GetProperty("unprintedRecords").GetInt32());
        Assert.Equal("04A1B2C9", json.GetProperty("card").GetProperty("uid").GetString());
        Assert.Equal(10000, json.GetProperty("holder").GetProperty("balanceFen").GetInt64());
    }

    [Fact]
    public async Task Card_show_in_text_masks_the_resident_id()
    {
        CliRun run = await _cli.OkAsync("card", "show", "--card", CliHarness.HolderCard);
        Assert.Contains("Zhang Wei", run.Out);
        Assert.DoesNotContain(CliHarness.HolderId, run.Out);
        Assert.Contains(CliHarness.HolderId[..6], run.Out);
    }

    [Theory]
    [InlineData("--id", "110101198503074517")] // wrong check character
    [InlineData("--uid", "04A1B2")] // 3 bytes
    [InlineData("--uid", "zz112233")]
    [InlineData("--card", "mc-7")]
    [InlineData("--balance", "1,000")]
    public async Task Enroll_rejects_malformed_fields(string option, string value)
    {
        string[] args = ["card", "enroll", "--id", "44030519900101123X", "--name", "Chen Jie", "--card", "MC0009", "--uid", "5E6F7A8B", "--pin", "1234"];
        if (args.Contains(option))
        {
            args[System.Array.IndexOf(args, option) + 1] = value;
        }
        else
        {
            args = [.. args, option, value];
        }

        CliRun run = await _cli.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public async Task Enroll_with_a_bad_pin_never_echoes_it()
    {
        CliRun run = await _cli.RunAsync("card", "enroll", "--id", "44030519900101123X", "--name", "Chen Jie", "--card", "MC0009", "--uid", "5E6F7A8B",
            "--pin", "98x7654");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.DoesNotContain("98x7654", run.Error + run.Out);
    }

    [Fact]
    public async Task Enrolling_the_same_person_twice_is_refused()
    {
        CliRun run = await _cli.RunAsync("--json", "card", "enroll", "--id", CliHarness.HolderId, "--name", "Zhang Wei", "--card", "MC0077",
            "--uid", "01020304", "--pin", "1234");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("desk.already_exists", run.Json.GetProperty("error").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Unknown_card_is_refused()
    {
        CliRun run = await _cli.RunAsync("--json", "card", "show", "--card", "NOPE1");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("card.unknown", run.Json.GetProperty("error").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Loss_report_needs_matching_identity_then_stops_and_resumes()
    {
        CliRun wrong = await _cli.RunAsync("--json", "card", "report-loss", "--card", CliHarness.HolderCard, "--name", "Zhang Wu", "--id", CliHarness.HolderId, "--employer", CliHarness.HolderEmployer);
        Assert.Equal(ExitCodes.Refused, wrong.ExitCode);
        Assert.Equal("loss.report_in_writing", wrong.Json.GetProperty("error").GetProperty("key").GetString());

        JsonElement lost = (await _cli.OkAsync("--json", "card", "report-loss", "--card", CliHarness.HolderCard, "--name", "Zhang Wei",
            "--id", CliHarness.HolderId, "--channel", "written")).Json;
        Assert.Equal("reported-lost", lost.GetProperty("card").GetProperty("status").GetString());

        JsonElement found = (await _cli.OkAsync("--json", "card", "cancel-loss", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId)).Json;
        Assert.Equal("active", found.GetProperty("card").GetProperty("status").GetString());

        CliRun again = await _cli.RunAsync("card", "cancel-loss", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId);
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
    }

    [Fact]
    public async Task A_phone_loss_report_with_a_wrong_employer_is_refused_and_a_written_one_needs_only_the_id()
    {
        CliRun wrongEmployer = await _cli.RunAsync("--json", "card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na",
            "--id", CliHarness.SpouseId, "--employer", "Somewhere Else Ltd");
        Assert.Equal(ExitCodes.Refused, wrongEmployer.ExitCode);
        Assert.Equal("loss.report_in_writing", wrongEmployer.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Contains("report in writing at a service point", wrongEmployer.Json.GetProperty("error").GetProperty("reason").GetString(), System.StringComparison.Ordinal);

        CliRun noEmployer = await _cli.RunAsync("card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na", "--id", CliHarness.SpouseId);
        Assert.Equal(ExitCodes.BadInput, noEmployer.ExitCode);
        Assert.Contains("--employer", noEmployer.Error, System.StringComparison.Ordinal);
        Assert.Equal("active", (await _cli.OkAsync("--json", "card", "show", "--card", CliHarness.SpouseCard)).Json.GetProperty("card").GetProperty("status").GetString());

        JsonElement written = (await _cli.OkAsync("--json", "card", "report-loss", "--id", CliHarness.SpouseId, "--channel", "written")).Json;
        Assert.Equal(CliHarness.SpouseCard, written.GetProperty("card").GetProperty("cardNumber").GetString());
        Assert.Equal("reported-lost", written.GetProperty("card").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_resident_id_without_a_real_birth_date_is_bad_input()
    {
        // 30 February 1985, with the right check character.
        const string First17 = "11010119850230451";
        string id = First17 + MedCard.Protocol.ResidentId.ComputeCheckCharacter(First17);
        CliRun run = await _cli.RunAsync("card", "enroll", "--id", id, "--name", "Nobody", "--card", "MC0999", "--uid", "04A1B2FF", "--pin", "1234");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("birth date", run.Error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, System.StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("card", "show", "--card", "MC0999")).ExitCode);
    }

    [Fact]
    public async Task Replacement_carries_the_balance_and_kills_the_old_card()
    {
        long before = await _cli.BalanceFenAsync(CliHarness.HolderId);
        JsonElement fresh = (await _cli.OkAsync("--json", "card", "replace", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId,
            "--new-card", "MC0101", "--new-uid", "04998877", "--pin", "5555")).Json;
        Assert.Equal("MC0101", fresh.GetProperty("card").GetProperty("cardNumber").GetString());
        Assert.Equal(CliHarness.HolderCard, fresh.GetProperty("card").GetProperty("replaces").GetString());
        Assert.Equal(before, fresh.GetProperty("holder").GetProperty("balanceFen").GetInt64());

        JsonElement old = (await _cli.OkAsync("--json", "card", "show", "--card", CliHarness.HolderCard)).Json;
        Assert.Equal("replaced", old.GetProperty("card").GetProperty("status").GetString());
        Assert.Equal(before, (await _cli.OkAsync("--json", "balance", "--card", "MC0101")).Json.GetProperty("balanceFen").GetInt64());

        CliRun twice = await _cli.RunAsync("--json", "card", "replace", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId,
            "--new-card", "MC0102", "--new-uid", "04998878", "--pin", "5555");
        Assert.Equal(ExitCodes.Refused, twice.ExitCode);
        Assert.Equal("card.replaced", twice.Json.GetProperty("error").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Pin_change_spends_a_try_on_a_wrong_old_pin_and_restores_on_success()
    {
        CliRun wrong = await _cli.RunAsync("--json", "pin", "change", "--card", CliHarness.HolderCard, "--old-pin", "999999", "--new-pin", "4321");
        Assert.Equal(ExitCodes.Refused, wrong.ExitCode);
        Assert.Equal("pin.wrong", wrong.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(2, wrong.Json.GetProperty("error").GetProperty("pinTriesLeft").GetInt32());
        Assert.DoesNotContain("999999", wrong.Out + wrong.Error);

        JsonElement ok = (await _cli.OkAsync("--json", "pin", "change", "--card", CliHarness.HolderCard, "--old-pin", CliHarness.HolderPin,
            "--new-pin", "4321")).Json;
        Assert.Equal(3, ok.GetProperty("card").GetProperty("pinTriesLeft").GetInt32());
    }

    [Fact]
    public async Task Pin_reset_needs_the_holders_id()
    {
        CliRun mismatch = await _cli.RunAsync("--json", "pin", "reset", "--card", CliHarness.HolderCard, "--id", CliHarness.SpouseId, "--new-pin", "2468");
        Assert.Equal(ExitCodes.Refused, mismatch.ExitCode);
        Assert.Equal("desk.identity_mismatch", mismatch.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("pin", "reset", "--card", CliHarness.HolderCard, "--id", "123", "--new-pin", "2468")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("pin", "reset", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId, "--new-pin", "12")).ExitCode);
        await _cli.OkAsync("pin", "reset", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId, "--new-pin", "2468");
    }

    [Fact]
    public async Task Family_bind_list_unbind()
    {
        JsonElement bound = (await _cli.OkAsync("--json", "family", "bind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.HolderId,
            "--relation", "spouse")).Json;
        JsonElement binding = Assert.Single(bound.GetProperty("bindings").EnumerateArray());
        Assert.Equal(CliHarness.HolderId, binding.GetProperty("beneficiary").GetString());
        Assert.Equal("spouse", binding.GetProperty("relation").GetString());

        CliRun twice = await _cli.RunAsync("family", "bind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.HolderId, "--relation", "spouse");
        Assert.Equal(ExitCodes.Refused, twice.ExitCode);

        JsonElement after = (await _cli.OkAsync("--json", "family", "unbind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.HolderId)).Json;
        Assert.Equal(0, after.GetProperty("bindings").GetArrayLength());
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("family", "unbind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.HolderId)).ExitCode);
        Assert.Equal(0, (await _cli.OkAsync("--json", "family", "list", "--payer", CliHarness.SpouseId)).Json.GetProperty("bindings").GetArrayLength());
    }

    [Fact]
    public async Task Family_bad_inputs()
    {
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("family", "bind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.SpouseId,
            "--relation", "spouse")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("family", "bind", "--payer", CliHarness.SpouseId, "--beneficiary", CliHarness.HolderId,
            "--relation", "neighbour")).ExitCode);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("family", "list", "--payer", "44030519900101123X")).ExitCode);
    }

    [Fact]
    public async Task Balance_by_id_or_card_and_not_both()
    {
        Assert.Equal(250000, await _cli.BalanceFenAsync(CliHarness.SpouseId));
        Assert.Equal(250000, (await _cli.OkAsync("--json", "balance", "--card", CliHarness.SpouseCard)).Json.GetProperty("balanceFen").GetInt64());
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("balance")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("balance", "--id", CliHarness.SpouseId, "--card", CliHarness.SpouseCard)).ExitCode);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("balance", "--id", "44030519900101123X")).ExitCode);
    }

    [Fact]
    public async Task Cash_paid_during_the_loss_period_is_reimbursed_once_after_the_replacement()
    {
        string[] claim = ["--json", "card", "claim", "--card", CliHarness.SpouseCard, "--reference", "R-77", "--institution", "H001",
            "--item", "LAB:300"];
        await _cli.OkAsync("card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na", "--id", CliHarness.SpouseId, "--employer", CliHarness.SpouseEmployer);
        string paidAt = System.DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        CliRun early = await _cli.RunAsync([.. claim, "--time", paidAt]);
        Assert.Equal(ExitCodes.Refused, early.ExitCode); // not replaced yet
        Assert.Equal("claim.not_eligible", early.Json.GetProperty("error").GetProperty("key").GetString());

        await _cli.OkAsync("card", "replace", "--card", CliHarness.SpouseCard, "--id", CliHarness.SpouseId, "--new-card", "MC0300",
            "--new-uid", "0A0B0C0E", "--pin", "7777");
        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        JsonElement paid = (await _cli.OkAsync([.. claim, "--time", paidAt])).Json;
        long reimbursed = paid.GetProperty("reimbursedFen").GetInt64();
        Assert.Equal(14000, reimbursed); // (300 - 100 deductible) x (100% - 30% co-payment), the seed's outpatient policy
        Assert.Equal(before + reimbursed, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        JsonElement again = (await _cli.OkAsync([.. claim, "--time", paidAt])).Json;
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(before + reimbursed, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        CliRun outside = await _cli.RunAsync(["--json", "card", "claim", "--card", CliHarness.SpouseCard, "--reference", "R-78", "--institution", "H001",
            "--amount", "50", "--time", "2020-01-01T00:00:00Z"]);
        Assert.Equal(ExitCodes.Refused, outside.ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync([.. claim, "--time", "yesterday"])).ExitCode);
    }

    [Fact]
    public async Task A_claim_is_checked_before_its_reference_so_a_reference_never_pays_out_someone_elses_answer()
    {
        // Both holders lose their cards and get replacements; the spouse's claim R-1 is paid.
        await _cli.OkAsync("card", "report-loss", "--card", CliHarness.SpouseCard, "--name", "Li Na", "--id", CliHarness.SpouseId, "--employer", CliHarness.SpouseEmployer);
        await _cli.OkAsync("card", "report-loss", "--card", CliHarness.HolderCard, "--name", "Zhang Wei", "--id", CliHarness.HolderId, "--employer", CliHarness.HolderEmployer);
        string paidAt = System.DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await _cli.OkAsync("card", "replace", "--card", CliHarness.SpouseCard, "--id", CliHarness.SpouseId, "--new-card", "MC0300",
            "--new-uid", "0A0B0C0E", "--pin", "7777");
        await _cli.OkAsync("card", "replace", "--card", CliHarness.HolderCard, "--id", CliHarness.HolderId, "--new-card", "MC0301",
            "--new-uid", "0A0B0C0F", "--pin", "7777");
        string[] claim = ["--json", "card", "claim", "--reference", "R-1", "--institution", "H001", "--item", "LAB:300", "--time", paidAt];
        Assert.Equal(14000, (await _cli.OkAsync([.. claim, "--card", CliHarness.SpouseCard])).Json.GetProperty("reimbursedFen").GetInt64());
        long holderBefore = await _cli.BalanceFenAsync(CliHarness.HolderId);

        // An unknown card with that reference: card.unknown, not "already paid 140.00".
        CliRun unknown = await _cli.RunAsync([.. claim, "--card", "NOSUCH1"]);
        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Equal("card.unknown", unknown.Json.GetProperty("error").GetProperty("key").GetString());

        // Another holder's bill under the same reference: refused with a stable reason code, nothing credited.
        CliRun other = await _cli.RunAsync([.. claim, "--card", CliHarness.HolderCard]);
        Assert.Equal(ExitCodes.Refused, other.ExitCode);
        Assert.Equal("claim.reference_reused", other.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(209, other.Json.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(holderBefore, await _cli.BalanceFenAsync(CliHarness.HolderId));

        // The same holder's reference on a different amount: refused too.
        CliRun otherBill = await _cli.RunAsync(["--json", "card", "claim", "--reference", "R-1", "--institution", "H001", "--item", "LAB:301",
            "--time", paidAt, "--card", CliHarness.SpouseCard]);
        Assert.Equal("claim.reference_reused", otherBill.Json.GetProperty("error").GetProperty("key").GetString());

        // The genuine repeat stays idempotent.
        JsonElement again = (await _cli.OkAsync([.. claim, "--card", CliHarness.SpouseCard])).Json;
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(14000, again.GetProperty("reimbursedFen").GetInt64());
    }
}
