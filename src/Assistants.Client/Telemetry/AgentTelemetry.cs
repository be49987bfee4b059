using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using Assistants.Client.Internal;

namespace Assistants.Client.Telemetry;

/// <summary>
/// The client's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <c>Assistants.Client</c>) and the
/// entry points that start its spans. Every entry point first asks whether anyone listens; when nobody does it
/// returns an empty scope and allocates nothing.
/// </summary>
internal static class AgentTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = TelemetryOptions.SourceName;

    public static readonly ActivitySource Source = new(Name, typeof(AgentTelemetry).Assembly.GetName().Version?.ToString(3));

    public static readonly Meter Meter = new(Name, typeof(AgentTelemetry).Assembly.GetName().Version?.ToString(3));

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        GenAI.OperationDurationMetric,
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenAI.DurationBuckets });

    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        GenAI.TokenUsageMetric,
        unit: "{token}",
        description: "Number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = GenAI.TokenBuckets });

    // The invoke_agent in progress on this async flow, so that nested helpers (CreateAndPoll -> WaitForRun, a tool
    // loop's submit streams) join it instead of starting a second span for the same run.
    private static readonly AsyncLocal<AgentRunTelemetry?> s_current = new();

    /// <summary>Gets whether any span or metric of this library has a listener.</summary>
    public static bool IsEnabled => Source.HasListeners() || OperationDuration.Enabled || TokenUsage.Enabled;

    /// <summary>Gets the <c>invoke_agent</c> in progress on this async flow, if any.</summary>
    public static AgentRunTelemetry? Current => s_current.Value;

    /// <summary>
    /// Starts the <c>invoke_agent</c> span (and its duration measurement) of a run, or joins the one in progress on
    /// this async flow. The entry point for everything that owns a run's lifetime: the polling waiters, the tool
    /// loops, a run stream, the <c>IChatClient</c> bridge. Dispose the scope when the run is left; call
    /// <see cref="InvokeAgentScope.Complete"/> with the last run seen and <see cref="InvokeAgentScope.Fail"/> from an
    /// exception filter.
    /// </summary>
    public static InvokeAgentScope StartInvokeAgent(ClientPipeline? pipeline, string? assistantId, string? threadId, string? runId = null, string? model = null, string? agentName = null)
    {
        if (s_current.Value is { IsEnded: false } current)
        {
            current.Identify(assistantId, threadId, runId, model);
            return new InvokeAgentScope(current, owner: false);
        }

        if (!IsEnabled)
        {
            return default;
        }

        AgentRunTelemetry run = new(ClientTelemetryContext.For(pipeline), assistantId, threadId, runId, model, agentName);
        s_current.Value = run;
        return new InvokeAgentScope(run, owner: true);
    }

    /// <summary>
    /// Continues a run whose span a <see cref="RunStream"/> started (its create request) on this async flow, taking
    /// the span over from the stream, so a tool loop's rounds share one span; starts one when the stream has none.
    /// </summary>
    public static InvokeAgentScope ContinueInvokeAgent(ClientPipeline? pipeline, RunStream stream)
    {
        if (s_current.Value is null && stream.TakeTelemetry() is { } adopted)
        {
            s_current.Value = adopted;
            adopted.MakeCurrent();
            return new InvokeAgentScope(adopted, owner: true);
        }

        return StartInvokeAgent(pipeline, stream.LatestRun?.AssistantId, stream.ThreadId, stream.RunId);
    }

    /// <summary>Starts the <c>create_agent</c> span of creating an assistant; <c>null</c> when nobody listens.</summary>
    public static OperationTelemetry? StartCreateAgent(ClientPipeline pipeline, string model, string? name)
        => IsEnabled ? OperationTelemetry.CreateAgent(ClientTelemetryContext.For(pipeline), model, name) : null;

    /// <summary>Starts the <c>execute_tool</c> span of one local function; <c>null</c> when nobody listens.</summary>
    public static Activity? StartExecuteTool(string? name, string callId, string? arguments)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity(name is null ? GenAI.ExecuteTool : GenAI.ExecuteTool + " " + name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAI.OperationName, GenAI.ExecuteTool)
                .SetTag(GenAI.ToolName, name)
                .SetTag(GenAI.ToolType, "function")
                .SetTag(GenAI.ToolCallId, callId);
            if (s_current.Value is { Context.RecordContent: true })
            {
                activity.SetTag(GenAI.ToolCallArguments, arguments);
            }
        }

        return activity;
    }

    /// <summary>Ends an <c>execute_tool</c> span with the function's output (recorded only when content is opted in) or its error.</summary>
    public static void StopExecuteTool(Activity? activity, string? output, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        if (error is not null)
        {
            activity.SetTag(GenAI.ErrorType, ErrorTypeOf(error)).SetStatus(ActivityStatusCode.Error, error.Message);
        }
        else if (output is not null && s_current.Value is { Context.RecordContent: true })
        {
            activity.SetTag(GenAI.ToolCallResult, output);
        }

        activity.Dispose();
    }

    /// <summary>Records an exception on the <c>invoke_agent</c> in progress, if any; returns <c>false</c>, for use in an exception filter.</summary>
    public static bool RecordFailure(Exception exception)
    {
        s_current.Value?.Fail(exception);
        return false;
    }

    /// <summary>Ends an <c>execute_tool</c> span with an exception; returns <c>false</c>, for use in an exception filter.</summary>
    public static bool FailExecuteTool(Activity? activity, Exception exception)
    {
        StopExecuteTool(activity, null, exception);
        return false;
    }

    /// <summary>The <c>error.type</c> of an exception: its full type name, as the conventions ask.</summary>
    public static string ErrorTypeOf(Exception exception) => exception.GetType().FullName ?? "_OTHER";

    /// <summary>Leaves the <c>invoke_agent</c> in progress on this async flow (work on another run follows); give the result to <see cref="Reattach"/>.</summary>
    public static AgentRunTelemetry? Detach()
    {
        AgentRunTelemetry? current = s_current.Value;
        if (current is not null)
        {
            s_current.Value = null;
        }

        return current;
    }

    /// <summary>Returns to the <c>invoke_agent</c> that <see cref="Detach"/> left.</summary>
    public static void Reattach(AgentRunTelemetry? run)
    {
        if (run is not null)
        {
            s_current.Value = run;
        }
    }

    internal static void ClearCurrent(AgentRunTelemetry run)
    {
        if (ReferenceEquals(s_current.Value, run))
        {
            s_current.Value = null;
        }
    }
}
