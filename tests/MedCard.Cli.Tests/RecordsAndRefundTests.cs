using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>`records list|print` and `refund`.</summary>
public sealed class RecordsAndRefundTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.InitializeAsync();
        await _cli.SeedAsync();
    }

    public Task DisposeAsync() => _cli.DisposeAsync();

    private async Task<JsonElement> SettleAsync(string amount) =>
        (await _cli.OkAsync("--json", "settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001",
            "--item", "X:" + amount + ":self")).Json;

    [Fact]
    public async Task Records_list_shows_the_unprinted_records_and_the_limit()
    {
        await SettleAsync("10");
        await SettleAsync("20");
        JsonElement list = (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json;
        Assert.Equal(2, list.GetProperty("unprinted").GetInt32());
        Assert.Equal(60, list.GetProperty("limit").GetInt32());
        Assert.Equal(new long[] { 1000, 2000 }, list.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("totalFen").GetInt64()).Order());
        CliRun text = await _cli.OkAsync("records", "list", "--card", CliHarness.SpouseCard);
        Assert.Contains("2 of 60", text.Out);
    }

    [Fact]
    public async Task Print_text_goes_to_stdout_and_printing_again_prints_nothing_new()
    {
        await SettleAsync("10");
        CliRun first = await _cli.OkAsync("records", "print", "--card", CliHarness.SpouseCard);
        Assert.Contains("MEDICAL INSURANCE CARD STATEMENT", first.Out);
        Assert.Contains("10.00", first.Out);
        CliRun again = await _cli.OkAsync("records", "print", "--card", CliHarness.SpouseCard);
        Assert.Contains("No unprinted records", again.Out);
        Assert.Equal(0, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json.GetProperty("unprinted").GetInt32());
    }

    [Fact]
    public async Task Print_to_a_stdout_that_breaks_fails_and_marks_nothing_printed()
    {
        await SettleAsync("10");
        await SettleAsync("20");

        using var broken = new BrokenPipeWriter();
        CliRun run = await _cli.RunAsync(broken, "records", "print", "--card", CliHarness.SpouseCard);
        Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.True(broken.Writes > 0, "the statement was never written to stdout");
        Assert.Equal(2, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json.GetProperty("unprinted").GetInt32());

        // Once stdout takes it, the same statement prints and its records are marked printed.
        CliRun good = await _cli.OkAsync("records", "print", "--card", CliHarness.SpouseCard);
        Assert.Contains("20.00", good.Out);
        Assert.Equal(0, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json.GetProperty("unprinted").GetInt32());
    }

    [Fact]
    public async Task Print_into_a_real_closed_pipe_fails_and_marks_nothing_printed()
    {
        Assert.False(OperatingSystem.IsWindows(), "the tool's own stdout writer is for Unix pipes (see CliIo.StandardOutput)");
        await SettleAsync("10");

        // The tool as a child process whose stdout is a pipe this test closes at once: its read end is gone long
        // before the child has loaded the runtime and the ledger, so the statement's write meets EPIPE.
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "medcard"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--store", _cli.Store, "records", "print", "--card", CliHarness.SpouseCard })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = System.Diagnostics.Process.Start(start)!;
        child.StandardOutput.Close();
        string error = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(child.ExitCode == ExitCodes.IoFailure, "exit " + child.ExitCode + ": " + error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(1, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json.GetProperty("unprinted").GetInt32());
    }

    /// <summary>A stdout whose reader went away: every write or flush fails as a closed pipe does (EPIPE is an IOException).</summary>
    private sealed class BrokenPipeWriter : TextWriter
    {
        public int Writes { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Fail();

        public override void Write(string? value) => Fail();

        public override void Write(char[] buffer, int index, int count) => Fail();

        public override System.Threading.Tasks.Task WriteAsync(string? value) => System.Threading.Tasks.Task.FromException(FailWith());

        public override System.Threading.Tasks.Task WriteAsync(System.ReadOnlyMemory<char> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            System.Threading.Tasks.Task.FromException(FailWith());

        public override void Flush() => Fail();

        public override System.Threading.Tasks.Task FlushAsync() => System.Threading.Tasks.Task.FromException(FailWith());

        public override string ToString() => string.Empty;

        private void Fail() => throw FailWith();

        private IOException FailWith()
        {
            Writes++;
            return new IOException("Broken pipe");
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("pdf")]
    public async Task Print_to_an_unwritable_output_fails_and_marks_nothing_printed(string format)
    {
        await SettleAsync("10");
        await SettleAsync("20");

        // A parent that does not exist, and a parent that is a file: unwritable even for root.
        string blocker = Path.Combine(_cli.Folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        foreach (string output in new[] { Path.Combine(_cli.Folder, "no-such-folder", "s." + format), Path.Combine(blocker, "s." + format) })
        {
            CliRun run = await _cli.RunAsync("records", "print", "--card", CliHarness.SpouseCard, "--format", format, "--output", output);
            Assert.Equal(ExitCodes.IoFailure, run.ExitCode);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
            Assert.Equal(2, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json.GetProperty("unprinted").GetInt32());
        }

        // Once it can be written, the same records print and only then are marked printed; no temporary file stays.
        string good = Path.Combine(_cli.Folder, "s." + format);
        await _cli.OkAsync("records", "print", "--card", CliHarness.SpouseCard, "--format", format, "--output", good);
        Assert.True(new FileInfo(good).Length > 0);
        Assert.Equal(0, (await _cli.OkAsync("--json", "records", "list", "--card", CliHarness.SpouseCard)).Json.GetProperty("unprinted").GetInt32());
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.tmp"));
    }

    [Fact]
    public async Task Print_pdf_writes_a_pdf_file()
    {
        await SettleAsync("10");
        string pdf = Path.Combine(_cli.Folder, "statement.pdf");
        JsonElement json = (await _cli.OkAsync("--json", "records", "print", "--card", CliHarness.SpouseCard, "--format", "pdf", "--output", pdf)).Json;
        Assert.Equal(pdf, json.GetProperty("statements")[0].GetProperty("file").GetString());
        byte[] head = File.ReadAllBytes(pdf)[..5];
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
    }

    [Fact]
    public async Task Print_several_cards_into_a_folder()
    {
        await SettleAsync("10");
        string folder = Path.Combine(_cli.Folder, "out");
        Directory.CreateDirectory(folder);
        JsonElement json = (await _cli.OkAsync("--json", "records", "print", "--card", CliHarness.SpouseCard, "--card", CliHarness.HolderCard,
            "--format", "text", "--output", folder)).Json;
        Assert.Equal(2, json.GetProperty("statements").GetArrayLength());
        Assert.Equal(2, Directory.GetFiles(folder, "statement-*.txt").Length);
    }

    [Fact]
    public async Task Records_of_an_unknown_card_are_refused_and_bad_numbers_are_bad_input()
    {
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("records", "list", "--card", "NOPE1")).ExitCode);
        Assert.Equal(ExitCodes.Refused, (await _cli.RunAsync("records", "print", "--card", "NOPE1")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("records", "print", "--card", "bad card")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("records", "print", "--card", CliHarness.SpouseCard, "--format", "docx")).ExitCode);
    }

    [Fact]
    public async Task Refund_restores_the_balance_once()
    {
        long before = await _cli.BalanceFenAsync(CliHarness.SpouseId);
        JsonElement s = await SettleAsync("40");
        uint reader = s.GetProperty("reader").GetUInt32();
        uint counter = s.GetProperty("counter").GetUInt32();
        Assert.Equal(before - 4000, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        JsonElement refund = (await _cli.OkAsync("--json", "refund", "--reader", reader.ToString(), "--counter", counter.ToString())).Json;
        Assert.False(refund.GetProperty("alreadyRefunded").GetBoolean());
        Assert.Equal(0, refund.GetProperty("postings").EnumerateArray().Sum(p => p.GetProperty("amountFen").GetInt64()));
        Assert.Equal(before, await _cli.BalanceFenAsync(CliHarness.SpouseId));

        JsonElement again = (await _cli.OkAsync("--json", "refund", "--reader", reader.ToString(), "--counter", counter.ToString())).Json;
        Assert.True(again.GetProperty("alreadyRefunded").GetBoolean());
        Assert.Equal(before, await _cli.BalanceFenAsync(CliHarness.SpouseId));
    }

    [Fact]
    public async Task Refund_of_an_unknown_settlement_is_refused_and_bad_numbers_are_bad_input()
    {
        CliRun unknown = await _cli.RunAsync("--json", "refund", "--reader", "1", "--counter", "999");
        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Equal("refund.unknown_settlement", unknown.Json.GetProperty("error").GetProperty("key").GetString());
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("refund", "--reader", "one", "--counter", "1")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("refund", "--reader", "1", "--counter", "-3")).ExitCode);
    }
}
