using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Assistants.Server.Telemetry;

/// <summary>
/// The server's own <see cref="ActivitySource"/> and <see cref="Meter"/>, named <c>Assistants.Server</c> (the client's
/// are <c>Assistants.Client</c>, so one process hosting both tells them apart), following the OpenTelemetry GenAI
/// semantic conventions v1.38.0: an <c>invoke_agent</c> span per run pass (queued or resumed, to
/// <c>requires_action</c> or an end) with the model call as a child <c>chat</c> span;
/// <c>gen_ai.server.request.duration</c> per pass; <c>gen_ai.client.operation.duration</c> and
/// <c>gen_ai.client.token.usage</c> for the model calls the server makes.
/// </summary>
internal static class ServerTelemetry
{
    public const string Name = "Assistants.Server";

    /// <summary>The server's <c>gen_ai.provider.name</c> on its run spans (the model's own provider name goes on the chat span).</summary>
    public const string ProviderName = "assistants.server";

    public static readonly ActivitySource Source = new(Name, typeof(ServerTelemetry).Assembly.GetName().Version?.ToString(3));

    public static readonly Meter Meter = new(Name, typeof(ServerTelemetry).Assembly.GetName().Version?.ToString(3));

    private static readonly double[] s_durationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    private static readonly long[] s_tokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        "gen_ai.server.request.duration",
        unit: "s",
        description: "Generative AI server request duration such as time-to-last byte or last output token.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });

    public static readonly Histogram<double> ModelDuration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });

    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        unit: "{token}",
        description: "Number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = s_tokenBuckets });

    /// <summary>Gets whether any span or metric of the server has a listener.</summary>
    public static bool IsEnabled => Source.HasListeners() || RequestDuration.Enabled || ModelDuration.Enabled || TokenUsage.Enabled;
}
