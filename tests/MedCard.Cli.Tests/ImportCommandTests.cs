using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`medcard card import`: bulk enrolment from CSV.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private const string Header = "residentId,name,gender,employer,cardNumber,uid,pin,balance";
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    private Task<string> WriteAsync(string name, params string[] lines) => _cli.WriteFileAsync(name, lines);

    [Fact]
    public async Task Import_enrols_every_row_and_a_second_import_is_refused_row_by_row()
    {
        string file = await WriteAsync("people.csv", Header,
            CliHarness.HolderId + ",Zhang Wei,male,Metro Works,MC0001,04A1B2C3,123456,120",
            CliHarness.SpouseId + ",Li Na,female,,MC0002,04D4E5F6,246810,2500.50",
            "",
            "44030519900101123X,Chen Jie,,Harbour Logistics,MC0004,5E6F7A8B,1111,");
        JsonElement ok = (await _cli.OkAsync("--json", "card", "import", "--file", file)).Json;
        Assert.Equal(3, ok.GetProperty("enrolled").GetInt32());
        Assert.Equal(250050, await _cli.BalanceFenAsync(CliHarness.SpouseId));
        Assert.Equal("active", (await _cli.OkAsync("--json", "card", "show", "--card", "MC0004")).Json.GetProperty("card").GetProperty("status").GetString());

        CliRun again = await _cli.RunAsync("--json", "card", "import", "--file", file);
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        JsonElement error = again.Json.GetProperty("error");
        Assert.Equal(0, error.GetProperty("enrolled").GetInt32());
        Assert.Equal(3, error.GetProperty("refused").GetArrayLength());
        Assert.Equal("desk.already_exists", error.GetProperty("refused")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_malformed_row_changes_nothing()
    {
        string file = await WriteAsync("bad.csv", Header,
            CliHarness.HolderId + ",Zhang Wei,male,Metro Works,MC0001,04A1B2C3,123456,120",
            "110101198705123022,Li Na,female,,MC0002,04D4E5F6,246810,2500");
        CliRun run = await _cli.RunAsync("card", "import", "--file", file);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("line 3", run.Error);
        Assert.False(File.Exists(_cli.Store)); // validated before anything is written: not even a ledger was created
        Assert.Equal(ExitCodes.IoFailure, (await _cli.RunAsync("card", "show", "--card", "MC0001")).ExitCode);
    }

    [Fact]
    public async Task Missing_header_wrong_field_count_bad_pin_and_missing_file_are_bad_input()
    {
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("card", "import", "--file", await WriteAsync("nohead.csv",
            CliHarness.HolderId + ",Zhang Wei,male,Metro Works,MC0001,04A1B2C3,123456,120"))).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("card", "import", "--file", await WriteAsync("short.csv", Header,
            CliHarness.HolderId + ",Zhang Wei,male"))).ExitCode);
        CliRun pin = await _cli.RunAsync("card", "import", "--file", await WriteAsync("pin.csv", Header,
            CliHarness.HolderId + ",Zhang Wei,male,Metro Works,MC0001,04A1B2C3,12x456,120"));
        Assert.Equal(ExitCodes.BadInput, pin.ExitCode);
        Assert.DoesNotContain("12x456", pin.Error);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("card", "import", "--file", Path.Combine(_cli.Folder, "none.csv"))).ExitCode);
    }

    [Fact]
    public async Task Quoted_fields_are_read_as_csv_and_every_bad_line_is_listed_with_its_number()
    {
        string quoted = await WriteAsync("quoted.csv", Header,
            CliHarness.HolderId + ",\"Zhang Wei\",male,\"Metro Works, Ltd\",MC0001,04A1B2C3,123456,120");
        await _cli.OkAsync("card", "import", "--file", quoted);
        Assert.Equal("Metro Works, Ltd", (await _cli.OkAsync("--json", "card", "show", "--card", "MC0001")).Json
            .GetProperty("holder").GetProperty("employer").GetString());

        string bad = await WriteAsync("bad-lines.csv", Header,
            CliHarness.SpouseId + ",Li Na,female,,MC0002,04D4E5F6,246810,2500",
            "110101198705123022,Li Na,female,,MC0003,04D4E5F7,246810,2500",
            CliHarness.SpouseId + ",Li Na,female");
        CliRun run = await _cli.RunAsync("card", "import", "--file", bad);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("line 3: ", run.Error);
        Assert.Contains("line 4: 3 fields, not 8", run.Error);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("card", "show", "--card", "MC0002")).ExitCode); // the good line was not enrolled either
    }
}
