namespace MedCard.Service;

/// <summary>Where `medcard serve` sends the metrics and traces of the MedCard meters and activity sources.</summary>
public enum ServeTelemetry
{
    /// <summary>Nowhere (the meters still exist for in-process listeners).</summary>
    None,

    /// <summary>Metrics on a Prometheus scrape endpoint at /metrics (traces are not kept).</summary>
    Prometheus,

    /// <summary>Metrics and traces to an OpenTelemetry collector over OTLP.</summary>
    Otlp,
}
