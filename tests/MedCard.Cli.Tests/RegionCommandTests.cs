using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`region add|list`, `--region` on institution add and card enroll, remote settlement and `clearing report`.</summary>
public sealed class RegionCommandTests : IAsyncLifetime
{
    private const string RemoteId = "310101199002144522";
    private const string RemoteCard = "MC0310";

    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    /// <summary>Today and tomorrow in the scheme calendar (+08:00): a period that holds a settlement made now.</summary>
    private static (string From, string To) ThisPeriod()
    {
        DateTime today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date;
        return (today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task AddShanghaiAsync() =>
        await _cli.OkAsync("region", "add", "--code", "310000", "--name", "Shanghai", "--visit", "outpatient", "--deductible", "0", "--copay", "10",
            "--cap", "5000");

    [Fact]
    public async Task Region_add_sets_the_policy_and_list_shows_it_beside_the_home_region()
    {
        JsonElement added = (await _cli.OkAsync("--json", "region", "add", "--code", "310000", "--name", "Shanghai", "--visit", "inpatient",
            "--deductible", "12.34", "--copay", "12.5%", "--cap", "999")).Json;
        Assert.Contains("310000", added.GetProperty("action").GetString(), StringComparison.Ordinal);

        JsonElement regions = (await _cli.OkAsync("--json", "region", "list")).Json.GetProperty("regions");
        Assert.Equal(2, regions.GetArrayLength());
        JsonElement shanghai = regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "310000");
        Assert.False(shanghai.GetProperty("home").GetBoolean());
        JsonElement inpatient = shanghai.GetProperty("policies").GetProperty("inpatient");
        Assert.Equal(1234, inpatient.GetProperty("deductibleFen").GetInt64());
        Assert.Equal(1250, inpatient.GetProperty("copayBasisPoints").GetInt32());
        Assert.Equal(99900, inpatient.GetProperty("fundCapFen").GetInt64());
        Assert.Equal(JsonValueKind.Null, shanghai.GetProperty("policies").GetProperty("outpatient").ValueKind);

        // The home region's policies are the ones `policy set` wrote (seeded: outpatient deductible 100).
        JsonElement home = regions.EnumerateArray().Single(r => r.GetProperty("home").GetBoolean());
        Assert.Equal("home", home.GetProperty("code").GetString());
        Assert.Equal(10000, home.GetProperty("policies").GetProperty("outpatient").GetProperty("deductibleFen").GetInt64());

        CliRun text = await _cli.OkAsync("region", "list");
        Assert.Contains("Shanghai", text.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--visit", "outpatient")]
    [InlineData("--copay", "30")]
    public async Task Region_add_with_part_of_a_policy_is_bad_input_and_changes_nothing(string option, string value)
    {
        CliRun run = await _cli.RunAsync("--json", "region", "add", "--code", "310000", "--name", "Shanghai", option, value);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--visit, --deductible, --copay and --cap", run.Error, StringComparison.Ordinal);
        Assert.Single((await _cli.OkAsync("--json", "region", "list")).Json.GetProperty("regions").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_regions_are_refused_for_institutions_and_enrolment()
    {
        CliRun institution = await _cli.RunAsync("--json", "institution", "add", "--id", "SH01", "--name", "Ruijin Hospital", "--region", "310000");
        Assert.Equal(ExitCodes.Refused, institution.ExitCode);
        Assert.Contains("unknown region 310000", institution.Error, StringComparison.Ordinal);
        JsonElement list = (await _cli.OkAsync("--json", "institution", "list")).Json.GetProperty("institutions");
        Assert.DoesNotContain(list.EnumerateArray(), i => i.GetProperty("id").GetString() == "SH01");
        Assert.All(list.EnumerateArray(), i => Assert.Equal("home", i.GetProperty("region").GetString()));

        CliRun enrol = await _cli.RunAsync("card", "enroll", "--id", RemoteId, "--name", "Wang Fang", "--card", RemoteCard, "--uid", "04310310",
            "--pin", "1357", "--region", "310000");
        Assert.Equal(ExitCodes.Refused, enrol.ExitCode);
        Assert.NotEqual(ExitCodes.Success, (await _cli.RunAsync("card", "show", "--card", RemoteCard)).ExitCode);

        await AddShanghaiAsync();
        await _cli.OkAsync("institution", "add", "--id", "SH01", "--name", "Ruijin Hospital", "--region", "310000");
        JsonElement after = (await _cli.OkAsync("--json", "institution", "list")).Json.GetProperty("institutions");
        Assert.Equal("310000", after.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "SH01").GetProperty("region").GetString());
    }

    [Fact]
    public async Task A_remote_patient_is_settled_on_the_insured_regions_policy_and_the_clearing_report_sums_and_reverses_it()
    {
        await AddShanghaiAsync();
        await _cli.OkAsync("card", "enroll", "--id", RemoteId, "--name", "Wang Fang", "--card", RemoteCard, "--uid", "04310310", "--pin", "1357",
            "--region", "310000");

        // 100.00 covered at the home hospital H001. Under the home policy (deductible 100.00) the fund would pay nothing;
        // under Shanghai's (no deductible, 10 %) it pays 90.00.
        JsonElement settled = (await _cli.OkAsync("--json", "settle", "--simulated", "--card", RemoteCard, "--pin", "1357", "--institution", "H001",
            "--amount", "100")).Json;
        Assert.Equal(9000, settled.GetProperty("fundFen").GetInt64());
        Assert.Contains(settled.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.StartsWith("remote settlement", StringComparison.Ordinal));
        JsonElement local = (await _cli.OkAsync("--json", "settle", "--simulated", "--card", CliHarness.HolderCard, "--pin", CliHarness.HolderPin,
            "--institution", "H001", "--amount", "100")).Json;
        Assert.Equal(0, local.GetProperty("fundFen").GetInt64());

        (string from, string to) = ThisPeriod();
        JsonElement report = (await _cli.OkAsync("--json", "clearing", "report", "--from", from, "--to", to)).Json;
        JsonElement line = Assert.Single(report.GetProperty("lines").EnumerateArray().ToArray());
        Assert.Equal("home", line.GetProperty("paidBy").GetString());
        Assert.Equal("310000", line.GetProperty("owedBy").GetString());
        Assert.Equal(9000, line.GetProperty("amountFen").GetInt64());
        Assert.Equal(1, line.GetProperty("settlements").GetInt64());
        Assert.Equal(9000, report.GetProperty("totalFen").GetInt64());

        CliRun text = await _cli.OkAsync("clearing", "report", "--from", from, "--to", to);
        Assert.Contains("90.00", text.Out, StringComparison.Ordinal);

        await _cli.OkAsync("refund", "--reader", settled.GetProperty("reader").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--counter", settled.GetProperty("counter").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        JsonElement reversed = Assert.Single((await _cli.OkAsync("--json", "clearing", "report", "--from", from, "--to", to)).Json
            .GetProperty("lines").EnumerateArray().ToArray());
        Assert.Equal(0, reversed.GetProperty("amountFen").GetInt64());
        Assert.Equal(1, reversed.GetProperty("refunds").GetInt64());
    }

    [Theory]
    [InlineData("2026-13-01", "2026-12-31")]
    [InlineData("01/12/2026", "2026-12-31")]
    [InlineData("2026-12-02", "2026-12-01")]
    public async Task Clearing_report_with_a_bad_period_is_bad_input(string from, string to)
    {
        CliRun run = await _cli.RunAsync("--json", "clearing", "report", "--from", from, "--to", to);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(run.Json.GetProperty("ok").GetBoolean());
    }
}
