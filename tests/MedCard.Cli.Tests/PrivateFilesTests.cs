using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace MedCard.Cli.Tests;

/// <summary>Files the tool writes that hold keys or personal data are created 0600, the folders it creates 0700
/// (Unix; checked on the real files).</summary>
public sealed class PrivateFilesTests : IAsyncLifetime
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly CliHarness _cli = new();

    public Task InitializeAsync() => _cli.InitializeAsync();

    public Task DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task A_pin_key_file_open_to_others_stops_the_tool_with_one_line_and_no_key()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix modes there
        }

        await _cli.SeedAsync();
        string keys = _cli.Store + ".pin-keys";
        string keyHex = File.ReadAllText(keys).Split(' ')[1].Trim();
        File.SetUnixFileMode(keys, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        CliRun run = await _cli.RunAsync("card", "show", "--card", CliHarness.HolderCard);
        Assert.Equal(4, run.ExitCode); // I/O failure
        Assert.Contains("owner-only", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain(keyHex, run.Error + run.Out, StringComparison.OrdinalIgnoreCase);

        // Owner-only again: the keyed PIN set at enrolment verifies (a PIN change needs the right old PIN).
        File.SetUnixFileMode(keys, OwnerFile);
        await _cli.OkAsync("pin", "change", "--card", CliHarness.HolderCard, "--old-pin", CliHarness.HolderPin, "--new-pin", "654321");
    }

    [Fact]
    public async Task A_keyed_pin_without_its_key_file_is_an_io_fault_that_costs_no_try()
    {
        await _cli.SeedAsync();
        string keys = _cli.Store + ".pin-keys";
        File.Move(keys, keys + ".away");
        CliRun run = await _cli.RunAsync("pin", "change", "--card", CliHarness.HolderCard, "--old-pin", "000000", "--new-pin", "654321");
        Assert.Equal(4, run.ExitCode); // a configuration fault, not a wrong PIN (3) and not "unexpected" (1)
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("MEDCARD_PIN_KEYS", run.Error, StringComparison.Ordinal);
        Assert.Contains("no try was counted", run.Error, StringComparison.Ordinal);

        // With the keys back, the right old PIN still works at once: the failed attempt above counted no try, so the
        // card is not one wrong PIN closer to blocking.
        File.Move(keys + ".away", keys);
        for (int i = 0; i < 2; i++)
        {
            CliRun wrong = await _cli.RunAsync("pin", "change", "--card", CliHarness.HolderCard, "--old-pin", "000000", "--new-pin", "654321");
            Assert.Equal(3, wrong.ExitCode);
        }

        await _cli.OkAsync("pin", "change", "--card", CliHarness.HolderCard, "--old-pin", CliHarness.HolderPin, "--new-pin", "654321");
    }

    [Fact]
    public async Task Ledger_statements_key_files_and_reader_flash_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix modes there
        }

        // The ledger (personal data, and the tool's reader keys).
        await _cli.SeedAsync();
        Assert.Equal(OwnerFile, File.GetUnixFileMode(_cli.Store));

        // The PIN verification keys beside it, created by the first setup command.
        Assert.Equal(OwnerFile, File.GetUnixFileMode(_cli.Store + ".pin-keys"));

        // Statements, text and PDF.
        await _cli.OkAsync("settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "10");
        string text = Path.Combine(_cli.Folder, "statement.txt");
        await _cli.OkAsync("records", "print", "--card", CliHarness.SpouseCard, "--output", text);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(text));
        await _cli.OkAsync("settle", "--simulated", "--card", CliHarness.SpouseCard, "--pin", CliHarness.SpousePin, "--institution", "H001", "--amount", "10");
        string pdf = Path.Combine(_cli.Folder, "statement.pdf");
        await _cli.OkAsync("records", "print", "--card", CliHarness.SpouseCard, "--format", "pdf", "--output", pdf);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(pdf));

        // A cards file holds the scheme's card-system keys.
        string cards = Path.Combine(_cli.Folder, "cards.json");
        await _cli.OkAsync("sim", "--export-cards", cards);
        Assert.Equal(OwnerFile, File.GetUnixFileMode(cards));

        // The simulator's flash (reader key, card keys, counter, journal): its folders 0700, its files 0600.
        string state = Path.Combine(_cli.Folder, "state", "reader1");
        await _cli.OkAsync("sim", "--state", state, "--duration", "0.2");
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(_cli.Folder, "state")));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(state));
        string[] flash = Directory.GetFiles(state, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(flash);
        foreach (string file in flash)
        {
            Assert.True(OwnerFile == File.GetUnixFileMode(file), file + " is " + File.GetUnixFileMode(file));
        }
    }
}
