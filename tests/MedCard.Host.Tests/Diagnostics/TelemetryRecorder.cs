using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace MedCard.Host.Tests.Diagnostics
{
    /// <summary>
    /// Listens to one meter and one activity source by name, keeping only what carries <paramref name="tagValue"/> in
    /// <paramref name="tagName"/>: tests run in parallel and share the process-wide instruments, so each test filters on
    /// its own pseudo-terminal's path (or reader id).
    /// </summary>
    internal sealed class TelemetryRecorder : IDisposable
    {
        private readonly MeterListener _meters = new MeterListener();
        private readonly ActivityListener _activities;
        private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
        private readonly List<Activity> _spans = new();
        private readonly string _tagName;
        private readonly object _tagValue;

        internal TelemetryRecorder(string sourceName, string tagName, object tagValue)
        {
            _tagName = tagName;
            _tagValue = tagValue;
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == sourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == sourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (Equals(activity.GetTagItem(_tagName), _tagValue))
                    {
                        lock (_spans)
                        {
                            _spans.Add(activity);
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);
        }

        internal IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Measurements(string instrument)
        {
            lock (_measurements)
            {
                return _measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();
            }
        }

        internal IReadOnlyList<Activity> Spans(string operation)
        {
            lock (_spans)
            {
                return _spans.Where(s => s.OperationName == operation).ToList();
            }
        }

        internal IReadOnlyList<Activity> AllSpans()
        {
            lock (_spans)
            {
                return _spans.ToList();
            }
        }

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (!copy.TryGetValue(_tagName, out object? value2) || !Equals(value2, _tagValue))
            {
                return;
            }

            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, copy));
            }
        }

        public void Dispose()
        {
            _meters.Dispose();
            _activities.Dispose();
        }
    }
}
