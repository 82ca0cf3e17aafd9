using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>A PDF statement with a Chinese name and no CJK font: one line, exit 4, nothing marked printed. Serial: it sets
/// MEDCARD_CJK_FONT for the process, which no other test may see.</summary>
[Collection(SerialCollection.Name)]
public sealed class StatementFontTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task A_missing_cjk_font_is_a_one_line_error_and_the_records_stay_unprinted()
    {
        await _cli.SeedAsync();
        await _cli.OkAsync("card", "enroll", "--id", "44030519900101123X", "--name", "陈杰", "--card", "MC0004", "--uid", "5E6F7A8B", "--pin", "112358",
            "--balance", "100");
        await _cli.OkAsync("settle", "--simulated", "--card", "MC0004", "--pin", "112358", "--institution", "H001", "--amount", "10");
        string pdf = Path.Combine(_cli.Folder, "chen.pdf");
        Environment.SetEnvironmentVariable("MEDCARD_CJK_FONT", Path.Combine(_cli.Folder, "no-such-font.ttc"));
        CliRun run;
        try
        {
            run = await _cli.RunAsync("records", "print", "--card", "MC0004", "--format", "pdf", "--output", pdf);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MEDCARD_CJK_FONT", null);
        }

        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.Contains("MEDCARD_CJK_FONT", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(pdf));
        Assert.Equal(1, (await _cli.OkAsync("--json", "records", "list", "--card", "MC0004")).Json.GetProperty("unprinted").GetInt32());

        // With the system's font the same statement prints.
        await _cli.OkAsync("records", "print", "--card", "MC0004", "--format", "pdf", "--output", pdf);
        Assert.True(File.Exists(pdf));
    }
}
