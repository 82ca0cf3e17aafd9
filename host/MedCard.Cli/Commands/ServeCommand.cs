using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Service;
using MedCard.Settlement.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace MedCard.Cli.Commands;

/// <summary>
/// `medcard serve`: the reader service (host/MedCard.Service) for a hospital's information system. Owns the readers given with
/// --reader and the ledger of --store, serves the /v1 HTTP API until Ctrl+C, SIGTERM (systemd) or the Windows service manager
/// stops it. A configuration the service refuses (a non-loopback --listen without --api-key-file or --client-ca) is bad input.
/// </summary>
internal static class ServeCommand
{
    public static Command Build(CliIo io)
    {
        var readers = Opt.Many("--reader", "A reader to own: [NAME=]PORT, where PORT is a serial port, the pty `medcard sim` printed, or tcp://host:port (repeat)",
            ValueKind.Path, required: true);
        var listen = Opt.Optional("--listen", "Address to serve on (default " + ServeOptions.DefaultListen + "); any non-loopback address needs --api-key-file or --client-ca",
            ValueKind.Path);
        var apiKeyFile = Opt.Optional("--api-key-file", "File holding the API key (16+ characters, chmod 600); every request must send it as X-Api-Key or Authorization: Bearer",
            ValueKind.Path);
        var tlsCert = Opt.Optional("--tls-cert", "Server certificate for https:// (PKCS#12 file without a password)", ValueKind.Path);
        var clientCa = Opt.Optional("--client-ca", "PEM file of the authority whose client certificates are accepted (https only): mutual TLS", ValueKind.Path);
        var holderMacKeyFile = Opt.Optional("--holder-mac-key",
            "File with the issuer's holder-data MAC key (32 raw bytes, 64 hex digits, or the cards file of medcard sim --export-cards); holder data is verified before the PIN is asked",
            ValueKind.Path);
        var wait = Opt.Range(new Option<double>("--wait") { Description = "Seconds a purchase waits for a card", DefaultValueFactory = _ => 60 }, 1, 3600);
        var telemetry = new Option<ServeTelemetry>("--telemetry")
        {
            Description = "Metrics and traces: none, prometheus (scrape endpoint at /metrics) or otlp (to --otlp-endpoint)",
            DefaultValueFactory = _ => ServeTelemetry.None,
        };
        var otlpEndpoint = Opt.Optional("--otlp-endpoint", "OTLP collector address with --telemetry otlp (default http://localhost:4317)", ValueKind.Path);
        var command = new Command("serve", "Serve readers and the ledger over a local HTTP JSON API (purchases, card events, refunds, balances, loss reports, statements)")
        {
            readers, listen, apiKeyFile, tlsCert, clientCa, holderMacKeyFile, wait, telemetry, otlpEndpoint,
        };
        CommandActions.Set(command, io, async (ctx, parse, ct) =>
        {
            List<ServedReaderSource> sources = Sources(parse.GetValue(readers) ?? []);
            Uri? otlp = null;
            if (parse.GetValue(otlpEndpoint) is { } endpoint && (!Uri.TryCreate(endpoint, UriKind.Absolute, out otlp) || parse.GetValue(telemetry) != ServeTelemetry.Otlp))
            {
                throw CliException.BadInput("--otlp-endpoint needs --telemetry otlp and an absolute http(s) address", "e.g. --telemetry otlp --otlp-endpoint http://collector:4317");
            }

            var options = new ServeOptions
            {
                Listen = parse.GetValue(listen) ?? ServeOptions.DefaultListen,
                ApiKeyFile = parse.GetValue(apiKeyFile),
                CertificateFile = parse.GetValue(tlsCert),
                ClientCaFile = parse.GetValue(clientCa),
                CardWait = TimeSpan.FromSeconds(parse.GetValue(wait)),
                Telemetry = parse.GetValue(telemetry),
                OtlpEndpoint = otlp,
            };

            try
            {
                MedCardServer.Validate(options, sources);
            }
            catch (ServeRefusedException e)
            {
                throw CliException.BadInput(e.Message);
            }

            // Read before anything is opened (a bad file changes nothing); wiped when the service stops.
            options.HolderMacKey = parse.GetValue(holderMacKeyFile) is { } keyPath ? SchemeKeyFile.HolderMac.Read(keyPath) : null;
            try
            {
                ILedgerStore store = await ctx.StoreAsync(ct).ConfigureAwait(false);
                options.Ledger = ctx.LedgerOptions; // set with the store: the PIN keys beside the ledger
                WebApplication app;
                try
                {
                    // The service's log on the tool's stderr, one line per event: warnings and errors, everything with --verbose.
                    app = MedCardServer.Build(options, store, sources, logging => logging.AddProvider(new StderrLoggerProvider(ctx.Io.Error))
                        .SetMinimumLevel(ctx.Verbose ? LogLevel.Debug : LogLevel.Warning));
                }
                catch (ServeRefusedException e)
                {
                    throw CliException.BadInput(e.Message);
                }

                await using (app.ConfigureAwait(false))
                {
                    try
                    {
                        await app.StartAsync(ct).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        throw CliException.Io("cannot listen on " + options.Listen + ": " + e.Message, "pick another --listen port or stop what uses it");
                    }

                    Announce(ctx, app, sources);
                    await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
                }
            }
            finally
            {
                if (options.HolderMacKey is { } key)
                {
                    CryptographicOperations.ZeroMemory(key);
                }
            }
        });
        return command;
    }

    /// <summary>[NAME=]PORT; unnamed readers are reader1, reader2... in order.</summary>
    private static List<ServedReaderSource> Sources(string[] values)
    {
        var sources = new List<ServedReaderSource>();
        for (int i = 0; i < values.Length; i++)
        {
            string value = values[i];
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? value[..equals] : "reader" + (i + 1);
            string port = equals > 0 ? value[(equals + 1)..] : value;
            if (port.Length == 0)
            {
                throw CliException.BadInput("--reader " + Echo.Value(value) + " names no port", "e.g. --reader counter1=/dev/ttyUSB0 or --reader tcp://10.0.0.5:7000");
            }

            // Created (not opened) now, so a malformed port is bad input before the ledger or the network is touched.
            MedCard.Host.Transport.IByteTransport transport = ProvisionCommand.Transport(port);
            sources.Add(new ServedReaderSource(name, () => transport));
        }

        return sources;
    }

    private static void Announce(CliContext ctx, WebApplication app, List<ServedReaderSource> sources)
    {
        string address = app.Urls.FirstOrDefault() ?? "?";
        if (ctx.Json)
        {
            var names = new JsonArray();
            sources.ForEach(s => names.Add(s.Name));
            ctx.WriteJson(new JsonObject { ["listening"] = address, ["readers"] = names, ["openApi"] = address + MedCardServer.OpenApiPath });
            return;
        }

        ctx.Say("Serving " + Markup.Escape(string.Join(", ", sources.Select(s => s.Name))) + " on " + Markup.Escape(address)
            + " (OpenAPI: " + Markup.Escape(address + MedCardServer.OpenApiPath) + "). Ctrl+C stops.");
    }
}
