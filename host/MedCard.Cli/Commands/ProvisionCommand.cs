using System;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Settlement.Services;
using MedCard.Simulator.InProcess;
using MedCard.Host.Client;
using MedCard.Host.Transport;
using MedCard.Host.Verification;
using MedCard.Protocol;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard provision`: gives a reader its id and 32-byte HMAC key, once, and records the same key in the
/// host key store. The key goes into a reader connected on a serial port (or a ser2net/simulator TCP
/// bridge), or into an in-process simulated reader when no port is given. The key is never printed: only
/// a fingerprint (first 8 bytes of its SHA-256) to tell keys apart.
/// With `--card-keys FILE` a connected reader then also gets its card key, the scheme's key-A master (all a reader needs
/// to read cards; the key-B master and the holder-data MAC key stay with the issuer), once, over the link
/// (<see cref="ReaderClient.ProvisionCardKeysAsync"/>).
/// </summary>
internal static class ProvisionCommand
{
    public static Command Build(CliIo io)
    {
        var reader = new Option<uint>("--reader") { Description = "Reader id, 1 or more", Required = true };
        var key = Opt.Optional("--key", "The 32-byte key as 64 hex digits (default: a fresh random key)");
        var port = Opt.Optional("--port", "Serial port of a connected reader (e.g. /dev/ttyUSB0, COM3, /dev/cu.usbserial-0001), or tcp://host:port");
        var cardKeys = Opt.Optional("--card-keys",
            "With --port: file with the scheme's key-A master to install after the reader key (32 raw bytes, 64 hex digits, or a cards file)");
        var command = new Command("provision", "Give a reader its id and key (connected reader, or an in-process simulated one)") { reader, key, port, cardKeys };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            uint readerId = parse.GetValue(reader);
            if (readerId == 0)
            {
                throw CliException.BadInput("--reader 0 is reserved", "reader ids start at 1");
            }

            string? portName = parse.GetValue(port);
            string? cardKeysPath = parse.GetValue(cardKeys);
            if (cardKeysPath is not null && portName is null)
            {
                throw CliException.BadInput("--card-keys applies to a connected reader (--port)",
                    "the in-process reader is flashed with the card keys of its own in-process scheme");
            }

            // Read and check the card keys before anything reaches the reader: a bad file changes nothing.
            using CardKeysSource? schemeKeys = cardKeysPath is null ? null : CardKeysSource.Load(cardKeysPath);
            byte[] secret = parse.GetValue(key) is { } hex ? ParseKey(hex) : RandomNumberGenerator.GetBytes(SignedRecord.KeyLength);
            try
            {
                ILedgerStore store = await ctx.StoreAsync(ct, StoreAccess.CreateIfMissing).ConfigureAwait(false);
                var registry = new ReaderDesk(store);

                // Continue above the last counter the ledger saw from this id, so no counter is ever reused.
                long last = await store.InTransactionAsync((s, _) => s.GetReaderLastCounterAsync(readerId), ct).ConfigureAwait(false);
                uint start = last < 0 ? 0 : (uint)last;
                string target;
                ConnectedProvisioning? connected = null;
                if (portName is null)
                {
                    try
                    {
                        SimulatedReaderFlash.Provision(SimulatedReaderFlash.DirectoryFor(ctx.StoreSpec, readerId), readerId, secret, start);
                    }
                    catch (SimulatedReaderBusyException e)
                    {
                        throw CliException.Io(e.Message, "wait for the other medcard process to finish");
                    }

                    // Only after the reader took the key (see ProvisionConnectedAsync).
                    await registry.RegisterAsync(readerId, secret, ct).ConfigureAwait(false);
                    target = "simulated reader (in-process)"; // the firmware core's flash: SimulatedReaderFlash.DirectoryFor
                }
                else
                {
                    connected = await ProvisionConnectedAsync(portName, registry, readerId, secret, start, schemeKeys,
                        ctx.Verbose ? new StderrLoggerFactory(ctx.Io.Error) : null, ct).ConfigureAwait(false);
                    target = portName;
                }

                Report(ctx, readerId, portName, target, secret, start, schemeKeys, connected);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        });
        return command;
    }

    /// <summary>What happened on a connected reader: whether it took the reader key now (false: it already held
    /// one for this id and the host knows it, so only the card keys were sent), and the card keys' status.</summary>
    private sealed record ConnectedProvisioning(bool ReaderKeyInstalled, CardKeysStatus? CardKeys);

    private static void Report(CliContext ctx, uint readerId, string? portName, string target, byte[] secret, uint start, CardKeysSource? schemeKeys,
        ConnectedProvisioning? connected)
    {
        bool keyInstalled = connected?.ReaderKeyInstalled ?? true;
        string fingerprint = CardKeysSource.Fingerprint(secret);
        string? warning = connected?.CardKeys == CardKeysStatus.AlreadyInstalled
            ? "reader " + readerId + " already holds card-system keys; they were NOT changed (only a factory wipe of the reader changes them)"
            : null;
        if (!keyInstalled)
        {
            warning = (warning is null ? "" : warning + "; ") + "reader " + readerId + " was already provisioned: its reader key was not changed";
        }

        if (warning is not null)
        {
            ctx.Io.Error.WriteLine("medcard: warning: " + warning);
        }

        if (ctx.Json)
        {
            var document = new JsonObject
            {
                ["reader"] = readerId,
                ["target"] = portName is null ? "simulated" : portName,
                ["keyFingerprint"] = keyInstalled ? fingerprint : null,
                ["startCounter"] = start,
            };
            if (schemeKeys is not null && connected?.CardKeys is { } status)
            {
                document["cardKeys"] = new JsonObject
                {
                    ["status"] = status == CardKeysStatus.Installed ? "installed" : "already-installed",
                    ["keyAMasterKeyFingerprint"] = schemeKeys.KeyAMasterKeyFingerprint,
                };
            }

            if (warning is not null)
            {
                document["warning"] = warning;
            }

            ctx.WriteJson(document);
            return;
        }

        if (keyInstalled)
        {
            ctx.Say("[green]reader " + readerId + " provisioned[/] on " + Spectre.Console.Markup.Escape(target)
                + "; key fingerprint " + fingerprint + "; records continue after counter " + start);
        }

        if (schemeKeys is not null && connected?.CardKeys == CardKeysStatus.Installed)
        {
            ctx.Say("[green]card key installed[/] on reader " + readerId + "; key-A master fingerprint " + schemeKeys.KeyAMasterKeyFingerprint);
        }
    }

    private static byte[] ParseKey(string hex)
    {
        try
        {
            byte[] key = Convert.FromHexString(hex.Trim());
            if (key.Length == SignedRecord.KeyLength)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        // Never echo the value: it is a secret even when malformed.
        throw CliException.BadInput("--key is not 64 hexadecimal digits", "give a 32-byte key in hex, or omit --key for a random one");
    }

    private static async Task<ConnectedProvisioning> ProvisionConnectedAsync(string port, ReaderDesk registry, uint readerId, byte[] key, uint start,
        CardKeysSource? schemeKeys, Microsoft.Extensions.Logging.ILoggerFactory? logging, CancellationToken ct)
    {
        await using ReaderClient client = await ReaderClient.ConnectAsync(Transport(port), new ReaderClientOptions { Keys = new InMemoryReaderKeyStore(), Chain = new InMemoryRecordChainStore(), LoggerFactory = logging }, ct)
            .ConfigureAwait(false);
        ProvisionResponse response = await client.ProvisionAsync(readerId, key, ct).ConfigureAwait(false);
        bool keyInstalled;
        switch (response.Status)
        {
            case ProvisionStatus.Provisioned:
                // Only after the reader took the key: a reader that refuses (already provisioned) must not make the
                // host forget the key it really holds. Stored before the card keys, so a refusal of those cannot
                // leave a provisioned reader the host has no key for.
                await registry.RegisterAsync(readerId, key, ct).ConfigureAwait(false);
                keyInstalled = true;
                break;
            case ProvisionStatus.AlreadyProvisioned when schemeKeys is not null && response.ReaderId == readerId
                && await HostKnowsAsync(registry, readerId, ct).ConfigureAwait(false):
                // Re-running the same command after a card-key failure: the reader and the host already share this
                // reader's key, so go on to the card keys and leave the reader key alone.
                keyInstalled = false;
                break;
            case ProvisionStatus.AlreadyProvisioned:
                throw new RefusedException("reader on " + port + " refused provisioning", "reader.already_provisioned",
                    "it already holds a key (as reader " + response.ReaderId + "), and a key is never replaced over the link",
                    "reflash the reader to erase its key, then provision again");
            case ProvisionStatus.InvalidReaderId:
                throw new RefusedException("reader on " + port + " refused provisioning", "reader.invalid_id", "reader id " + readerId + " is not valid", null);
            default:
                throw CliException.Io("the reader on " + port + " could not store its key (" + response.Status + ")", "check the reader's flash (I: drive)");
        }

        return new ConnectedProvisioning(keyInstalled, schemeKeys is null ? null : await InstallCardKeysAsync(client, port, readerId, schemeKeys, ct).ConfigureAwait(false));
    }

    private static async Task<bool> HostKnowsAsync(ReaderDesk registry, uint readerId, CancellationToken ct)
    {
        byte[]? known = await registry.GetKeyAsync(readerId, ct).ConfigureAwait(false);
        if (known is null)
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(known);
        return true;
    }

    private static async Task<CardKeysStatus> InstallCardKeysAsync(ReaderClient client, string port, uint readerId, CardKeysSource keys, CancellationToken ct)
    {
        CardKeysStatus status;
        try
        {
            status = await client.ProvisionCardKeysAsync(readerId, keys.KeyAMasterKey, ct).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            throw new RefusedException("reader " + readerId + " on " + port + " cannot take card-system keys over the link", "reader.card_keys_not_supported",
                "its firmware does not announce the card-keys message (the reader key was installed)",
                "deploy the card keys as the firmware's one-time drop file I:\\ckeys.in (firmware/MedCard.Firmware.App/README.md)");
        }

        const string retry = "rerun the same medcard provision command: a reader that already holds this reader's key goes straight to the card keys";
        return status switch
        {
            CardKeysStatus.Installed or CardKeysStatus.AlreadyInstalled => status,
            CardKeysStatus.StorageFailure => throw CliException.Io("reader " + readerId + " on " + port + " could not store the card-system keys (it has none)",
                retry),
            CardKeysStatus.NotProvisioned => throw new RefusedException("reader " + readerId + " on " + port + " refused the card-system keys",
                "reader.card_keys_not_provisioned", "it has no reader id and key", "provision the reader key first (medcard provision --port)"),
            CardKeysStatus.WrongReaderId => throw new RefusedException("reader " + readerId + " on " + port + " refused the card-system keys",
                "reader.card_keys_wrong_reader", "the reader on that port is not reader " + readerId, "check --reader and --port"),
            _ => throw new RefusedException("reader " + readerId + " on " + port + " refused the card-system keys", "reader.card_keys_invalid",
                "the key is all zeros", "use the scheme's 32-byte key-A master"),
        };
    }

    /// <summary>
    /// The link for a `--port` value, by the host library's one factory (<see cref="TransportAddress.Create"/>: a device
    /// path, a COM port or tcp://host:port; it picks termios or System.IO.Ports). Its refusal becomes the tool's bad-input
    /// line (exit 2); a port that then fails to open is an I/O failure with the library's one-line reason.
    /// </summary>
    internal static IByteTransport Transport(string port)
    {
        try
        {
            return TransportAddress.Create(port);
        }
        catch (ArgumentException e)
        {
            throw CliException.BadInput("--port " + e.Message.Split(" (Parameter", 2)[0].TrimEnd('.'),
                "give a serial port (/dev/ttyUSB0, /dev/serial/by-id/..., /dev/cu.usbserial-..., COM3, the /dev/pts/N medcard sim printed) "
                + "or tcp://host:port; medcard ports lists the serial ports");
        }
    }
}
