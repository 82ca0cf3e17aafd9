using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using MedCard.Host.Diagnostics;

namespace MedCard.Link.Benchmarks;

/// <summary>Listens to the host library's meter and activity source by name for the length of a run, counting what arrives
/// (the cheapest real consumer: an exporter does at least this much).</summary>
internal sealed class TelemetryListening : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private long _spans;
    private long _measurements;

    private TelemetryListening()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HostTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HostTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _spans),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public long Spans => Interlocked.Read(ref _spans);

    public long Measurements => Interlocked.Read(ref _measurements);

    public static TelemetryListening Start() => new();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
