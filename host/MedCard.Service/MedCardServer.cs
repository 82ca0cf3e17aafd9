using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using MedCard.Checkout;
using MedCard.Host.Diagnostics;
using MedCard.Service.Api;
using MedCard.Service.Readers;
using MedCard.Service.Security;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedCard.Service;

/// <summary>
/// Builds `medcard serve`: the Generic Host with Kestrel, the readers (opened and journal-recovered before the API listens), the
/// ledger, the /v1 API with RFC 9457 problem details, the OpenAPI document at /openapi/v1.json, the binding rule (loopback, or an
/// API key / client certificate), OpenTelemetry, and systemd / Windows service integration (each a no-op when not run by them).
/// </summary>
public static partial class MedCardServer
{
    /// <summary>The OpenAPI document's path.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The Prometheus scrape endpoint's path (with <see cref="ServeTelemetry.Prometheus"/>).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Builds the service (not started: call <c>RunAsync</c>, or <c>StartAsync</c> and read the bound address from <c>Urls</c>).
    /// Throws <see cref="ServeRefusedException"/> when the configuration is refused (binding without a key, unreadable key file,
    /// a duplicate or malformed reader name). The ledger stays the caller's.
    /// </summary>
    public static WebApplication Build(ServeOptions options, ILedgerStore ledger, IReadOnlyList<ServedReaderSource> readers,
        Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Uri listen = Validate(options, readers);
        ApiKey? apiKey = options.ApiKeyFile is { } keyFile ? ApiKey.FromFile(keyFile) : null;

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Host.UseSystemd();
        builder.Host.UseWindowsService(service => service.ServiceName = "medcard");
        // A purchase in flight at shutdown is waited for up to its card wait (and a little for the signing and filing).
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.CardWait + TimeSpan.FromSeconds(30));
        builder.WebHost.UseUrls(listen.GetLeftPart(UriPartial.Authority));
        // The slim builder leaves HTTPS out: without this an https:// address fails at start.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => ClientCertificates.Configure(kestrel, options));
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        LedgerOptions ledgerOptions = options.Ledger ?? new LedgerOptions();
        var checkout = new CheckoutOptions { CardWait = options.CardWait, HolderMacKey = options.HolderMacKey, Ledger = ledgerOptions };
        builder.Services.AddSingleton(ledger);
        builder.Services.AddSingleton(ledgerOptions);
        builder.Services.AddSingleton(_ => new CardDesk(ledger, ledgerOptions));
        builder.Services.AddSingleton(_ => new SettlementService(ledger, ledgerOptions));
        builder.Services.AddSingleton(sp => new ReaderFleet(readers, ledger, checkout with { LoggerFactory = sp.GetRequiredService<ILoggerFactory>() },
            sp.GetRequiredService<ILogger<ReaderFleet>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReaderFleet>());

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // A body that is not the documented JSON: say which parameter, never how the parser failed inside.
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Title = "Bad request";
                context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException { Path: { } path }
                    ? "the request body is not the documented JSON (at " + path + ")"
                    : bad.Message;
                context.HttpContext.Response.StatusCode = bad.StatusCode;
            }
        });
        builder.Services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        ServiceTelemetryWiring.Add(builder.Services, options);

        WebApplication app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // The caller's mistake is answered, not logged as a failure of the service.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        if (apiKey is not null)
        {
            app.Use(apiKey.Guard);
        }

        RouteGroupBuilder v1 = app.MapGroup("/v1");
        ReaderEndpoints.Map(v1);
        PurchaseEndpoints.Map(v1);
        RefundEndpoints.Map(v1);
        CardEndpoints.Map(v1);
        app.MapOpenApi(OpenApiPath);
        if (options.Telemetry == ServeTelemetry.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        }

        return app;
    }

    /// <summary>The configuration checks of <see cref="Build"/> alone, to run before a ledger is opened: the binding rule, the
    /// reader names, the API key file. Throws <see cref="ServeRefusedException"/>; returns the listen address.</summary>
    public static Uri Validate(ServeOptions options, IReadOnlyList<ServedReaderSource> readers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readers);
        Uri listen = ListenPolicy.Check(options);
        CheckReaders(readers);
        if (options.ApiKeyFile is { } keyFile)
        {
            ApiKey.FromFile(keyFile);
        }

        return listen;
    }

    private static void CheckReaders(IReadOnlyList<ServedReaderSource> readers)
    {
        if (readers.Count == 0)
        {
            throw new ServeRefusedException("no reader to serve: give at least one --reader");
        }

        foreach (ServedReaderSource reader in readers)
        {
            if (!ReaderName().IsMatch(reader.Name))
            {
                throw new ServeRefusedException("reader name '" + reader.Name + "' is not 1 to 32 letters, digits, '-' or '_'");
            }
        }

        if (readers.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ServeRefusedException("two readers are named '" + twice.Key + "'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex ReaderName();
}
