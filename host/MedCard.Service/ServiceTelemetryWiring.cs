using MedCard.Checkout;
using MedCard.Host.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedCard.Service;

/// <summary>OpenTelemetry for `serve`: the host library's and the checkout's meters and activity sources (by their published names),
/// to a Prometheus scrape endpoint (metrics) or an OTLP collector (metrics and traces).</summary>
internal static class ServiceTelemetryWiring
{
    public static void Add(IServiceCollection services, ServeOptions options)
    {
        if (options.Telemetry == ServeTelemetry.None)
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("medcard-serve"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(HostTelemetry.MeterName, CheckoutTelemetry.MeterName);
                if (options.Telemetry == ServeTelemetry.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = options.OtlpEndpoint ?? otlp.Endpoint);
                }
            });
        if (options.Telemetry == ServeTelemetry.Otlp)
        {
            services.AddOpenTelemetry().WithTracing(tracing => tracing
                .AddSource(HostTelemetry.ActivitySourceName, CheckoutTelemetry.ActivitySourceName)
                .AddOtlpExporter(otlp => otlp.Endpoint = options.OtlpEndpoint ?? otlp.Endpoint));
        }
    }
}
