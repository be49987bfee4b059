using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace Assistants.Client.Tests.Telemetry;

/// <summary>
/// Listens to the <c>Assistants.Client</c> source and meter the way an OpenTelemetry SDK does, keeping only what belongs
/// to this test: spans of the test's own root activity's trace, measurements tagged with the test's unique model.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource s_tests = new("Assistants.Client.Tests.Telemetry");
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public TelemetryCapture(string model)
    {
        Model = model;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Assistants.Client" or "Assistants.Client.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Assistants.Client")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.Start();
        Root = s_tests.StartActivity("test")!;
    }

    public string Model { get; }

    public Activity Root { get; }

    /// <summary>Gets the stopped spans of this test's trace (its root excluded), in the order they stopped.</summary>
    public List<Activity> Spans => _stopped.Where(a => a.TraceId == Root.TraceId && a != Root).ToList();

    public List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements
        => _measurements.Where(m => Equals(m.Tags.GetValueOrDefault("gen_ai.request.model"), Model)).ToList();

    public Activity Single(string displayName) => Spans.Single(a => a.DisplayName == displayName);

    public void Dispose()
    {
        Root.Dispose();
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Measured(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Dictionary<string, object?> copy = new();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
