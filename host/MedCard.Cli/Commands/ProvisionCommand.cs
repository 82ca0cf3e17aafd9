using System;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Cli.Readers;
using MedCard.Host.Client;
using MedCard.Host.Transport;
using MedCard.Protocol;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard provision`: gives a reader its id and 32-byte HMAC key, once, and records the same key in the
/// host key store. The key goes into a reader connected on a serial port (or a ser2net/simulator TCP
/// bridge), or into an in-process simulated reader when no port is given. The key is never printed: only
/// a fingerprint (first 8 bytes of its SHA-256) to tell keys apart.
/// </summary>
internal static class ProvisionCommand
{
    public static Command Build(CliIo io)
    {
        var reader = new Option<uint>("--reader") { Description = "Reader id, 1 or more", Required = true };
        var key = Opt.Optional("--key", "The 32-byte key as 64 hex digits (default: a fresh random key)");
        var port = Opt.Optional("--port", "Serial port of a connected reader (e.g. /dev/ttyUSB0), or tcp://host:port");
        var command = new Command("provision", "Give a reader its id and key (connected reader, or an in-process simulated one)") { reader, key, port };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            uint readerId = parse.GetValue(reader);
            if (readerId == 0)
            {
                throw CliException.BadInput("--reader 0 is reserved", "reader ids start at 1");
            }

            byte[] secret = parse.GetValue(key) is { } hex ? ParseKey(hex) : RandomNumberGenerator.GetBytes(SignedRecord.KeyLength);
            try
            {
                ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
                ReaderRegistry registry = await ReaderRegistry.OpenAsync(ctx.StoreSpec, ct).ConfigureAwait(false);

                // Continue above the last counter the ledger saw from this id, so no counter is ever reused.
                long last = await store.InTransactionAsync((s, _) => s.GetReaderLastCounterAsync(readerId), ct).ConfigureAwait(false);
                uint start = last < 0 ? 0 : (uint)last;
                string? portName = parse.GetValue(port);
                string target;
                if (portName is null)
                {
                    await registry.ProvisionSimulatedAsync(readerId, secret, start, ct).ConfigureAwait(false);
                    target = "simulated reader (in-process)";
                }
                else
                {
                    await ProvisionConnectedAsync(portName, registry, readerId, secret, ctx.Verbose ? new StderrLoggerFactory(ctx.Io.Error) : null, ct)
                        .ConfigureAwait(false);
                    target = portName;
                }

                // Only after the reader took the key: a reader that refuses (already provisioned) must not make the
                // host forget the key it really holds.
                await registry.ProvisionHostAsync(readerId, secret, start, ct).ConfigureAwait(false);
                string fingerprint = Convert.ToHexString(SHA256.HashData(secret).AsSpan(0, 8));
                if (ctx.Json)
                {
                    ctx.WriteJson(new JsonObject
                    {
                        ["reader"] = readerId,
                        ["target"] = portName is null ? "simulated" : portName,
                        ["keyFingerprint"] = fingerprint,
                        ["startCounter"] = start,
                    });
                    return;
                }

                ctx.Say("[green]reader " + readerId + " provisioned[/] on " + Spectre.Console.Markup.Escape(target)
                    + "; key fingerprint " + fingerprint + "; records continue after counter " + start);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        });
        return command;
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

    private static async Task ProvisionConnectedAsync(string port, ReaderRegistry registry, uint readerId, byte[] key,
        Microsoft.Extensions.Logging.ILoggerFactory? logging, CancellationToken ct)
    {
        await using ReaderClient client = await ReaderClient.ConnectAsync(Transport(port), new ReaderClientOptions { Keys = registry, Chain = registry, LoggerFactory = logging }, ct)
            .ConfigureAwait(false);
        ProvisionResponse response = await client.ProvisionAsync(readerId, key, ct).ConfigureAwait(false);
        switch (response.Status)
        {
            case ProvisionStatus.Provisioned:
                return;
            case ProvisionStatus.AlreadyProvisioned:
                throw new RefusedException("reader on " + port + " refused provisioning", "reader.already_provisioned",
                    "it already holds a key (as reader " + response.ReaderId + "), and a key is never replaced over the link",
                    "reflash the reader to erase its key, then provision again");
            case ProvisionStatus.InvalidReaderId:
                throw new RefusedException("reader on " + port + " refused provisioning", "reader.invalid_id", "reader id " + readerId + " is not valid", null);
            default:
                throw CliException.Io("the reader on " + port + " could not store its key (" + response.Status + ")", "check the reader's flash (I: drive)");
        }
    }

    internal static IByteTransport Transport(string port)
    {
        if (port.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            string hostPort = port["tcp://".Length..];
            int colon = hostPort.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], out int number) || number is <= 0 or > 65535)
            {
                throw CliException.BadInput("--port '" + port + "' is not tcp://host:port", "e.g. tcp://127.0.0.1:7000");
            }

            return new TcpTransport(hostPort[..colon], number);
        }

        return new PosixSerialPort(port);
    }
}
