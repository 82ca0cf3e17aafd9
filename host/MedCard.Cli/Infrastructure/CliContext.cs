using System;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Spectre.Console;

namespace MedCard.Cli.Infrastructure;

/// <summary>Everything one command run needs: the streams, the global options, the console renderer and
/// the ledger store (opened on first use, so commands that need no store never touch it; only setup commands create it).</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private ILedgerStore? _store;
    private MedCard.Settlement.Rules.PinKeyFile? _pinKeys;

    public CliContext(CliIo io, ParseResult parse)
    {
        Io = io;
        Json = parse.GetValue(GlobalOptions.Json);
        Verbose = parse.GetValue(GlobalOptions.Verbose);
        StoreSpec = parse.GetValue(GlobalOptions.Store) ?? GlobalOptions.DefaultStore;
        Console = CreateConsole(io, Json);
    }

    public CliIo Io { get; }

    public bool Json { get; }

    public bool Verbose { get; }

    public string StoreSpec { get; }

    /// <summary>Renders tables and markup on stdout; colourless and non-interactive unless stdout is a terminal.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress and live displays only for a person at a terminal, never for scripts.</summary>
    public bool ShowProgress => !Json && Io.OutputIsTerminal;

    /// <summary>The ledger, which must exist unless <paramref name="access"/> allows creating it (setup commands only).</summary>
    /// <remarks>Opens the PIN key file with it (<see cref="PinKeyLocation"/>), so <see cref="LedgerOptions"/> is set.</remarks>
    public async Task<ILedgerStore> StoreAsync(CancellationToken cancellationToken, StoreAccess access = StoreAccess.Existing)
    {
        if (_store is null)
        {
            ILedgerStore store = await StoreConnector.OpenAsync(StoreSpec, access, cancellationToken).ConfigureAwait(false);
            try
            {
                _pinKeys = PinKeyLocation.Open(StoreSpec, access);
            }
            catch
            {
                await store.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _store = store;
            LedgerOptions = new LedgerOptions { PinKeys = _pinKeys };
        }

        return _store;
    }

    /// <summary>Ledger settings of this run: PIN keys from <see cref="PinKeyLocation"/> (once the store is open).</summary>
    public LedgerOptions LedgerOptions { get; private set; } = new();

    public async Task<CardDesk> DeskAsync(CancellationToken cancellationToken, StoreAccess access = StoreAccess.Existing) =>
        new(await StoreAsync(cancellationToken, access).ConfigureAwait(false), LedgerOptions);

    public async Task<SettlementService> SettlementAsync(CancellationToken cancellationToken) =>
        new(await StoreAsync(cancellationToken).ConfigureAwait(false), LedgerOptions);

    /// <summary>Writes the one JSON document of a successful --json run.</summary>
    public void WriteJson(JsonObject result)
    {
        var document = new JsonObject { ["ok"] = true };
        foreach ((string key, JsonNode? value) in result)
        {
            document[key] = value?.DeepClone();
        }

        Io.Out.WriteLine(document.ToJsonString(JsonOptions));
    }

    public void WriteJsonError(JsonObject document) => Io.Out.WriteLine(document.ToJsonString(JsonOptions));

    /// <summary>One plain line for people (ignored with --json, where the JSON document says it all).</summary>
    public void Say(string markup)
    {
        if (!Json)
        {
            Console.MarkupLine(markup);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }

        _pinKeys?.Dispose();
    }

    private static IAnsiConsole CreateConsole(CliIo io, bool json)
    {
        bool terminal = io.OutputIsTerminal && !json;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(io.Out),
        });
        if (!terminal)
        {
            // Logs and pipes: wide enough that tables do not wrap mid-word, stable across machines.
            console.Profile.Width = 140;
        }

        return console;
    }
}
