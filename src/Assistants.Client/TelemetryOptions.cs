namespace Assistants.Client;

/// <summary>
/// The client's OpenTelemetry output: spans from the <see cref="System.Diagnostics.ActivitySource"/> and metrics from
/// the <see cref="System.Diagnostics.Metrics.Meter"/> named <c>Assistants.Client</c>, following the GenAI semantic
/// conventions v1.38.0 (docs/telemetry.md). Nothing is recorded, and nothing allocated, unless a listener (an
/// OpenTelemetry SDK's <c>AddSource("Assistants.Client")</c> / <c>AddMeter("Assistants.Client")</c>) is attached.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The name of the activity source and of the meter: <c>Assistants.Client</c>.</summary>
    public const string SourceName = "Assistants.Client";

    /// <summary>
    /// Gets or sets whether spans carry content: the instructions of assistants and runs
    /// (<c>gen_ai.system_instructions</c>), and the arguments and results of local functions
    /// (<c>gen_ai.tool.call.arguments</c>, <c>gen_ai.tool.call.result</c>). Content may hold personal or secret data.
    /// </summary>
    /// <value>The default is <c>false</c>: ids, names, models, statuses and token counts only. In configuration: <c>Telemetry:RecordContent</c>.</value>
    public bool RecordContent { get; set; }

    internal TelemetryOptions Clone() => (TelemetryOptions)MemberwiseClone();
}
