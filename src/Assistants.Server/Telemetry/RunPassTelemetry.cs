using System.Diagnostics;
using Assistants.Server.Runs;

namespace Assistants.Server.Telemetry;

/// <summary>
/// One run pass on the server: its <c>invoke_agent</c> span and <c>gen_ai.server.request.duration</c>. A default
/// value (nobody listens) does nothing and allocates nothing.
/// </summary>
internal readonly struct RunPassTelemetry
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly bool _enabled;

    private RunPassTelemetry(Activity? activity, long started)
    {
        _activity = activity;
        _started = started;
        _enabled = true;
    }

    public static RunPassTelemetry Start(RunRecord run)
    {
        if (!ServerTelemetry.IsEnabled)
        {
            return default;
        }

        Activity? activity = ServerTelemetry.Source.StartActivity("invoke_agent", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.operation.name", "invoke_agent")
                .SetTag("gen_ai.provider.name", ServerTelemetry.ProviderName)
                .SetTag("gen_ai.agent.id", run.AssistantId)
                .SetTag("gen_ai.conversation.id", run.ThreadId)
                .SetTag("gen_ai.response.id", run.Id)
                .SetTag("gen_ai.request.model", (string?)run.Json["model"]);
        }

        return new RunPassTelemetry(activity, Stopwatch.GetTimestamp());
    }

    /// <summary>Ends the span with the run's status after the pass, its usage so far, and its error code if it failed.</summary>
    public void End(RunRecord run)
    {
        if (!_enabled)
        {
            return;
        }

        string status = run.Status;
        string? errorType = status is RunStatus.Failed or RunStatus.Expired or RunStatus.Cancelled
            ? (string?)run.Json["last_error"]?["code"] ?? status
            : null;
        if (_activity is not null)
        {
            _activity.SetTag("assistants.run.status", status)
                .SetTag("gen_ai.usage.input_tokens", run.PromptTokens)
                .SetTag("gen_ai.usage.output_tokens", run.CompletionTokens);
            if (errorType is not null)
            {
                _activity.SetTag("error.type", errorType).SetStatus(ActivityStatusCode.Error);
            }

            _activity.Stop();
        }

        if (ServerTelemetry.RequestDuration.Enabled)
        {
            TagList tags = new()
            {
                { "gen_ai.operation.name", "invoke_agent" },
                { "gen_ai.provider.name", ServerTelemetry.ProviderName },
                { "gen_ai.request.model", (string?)run.Json["model"] },
            };
            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            ServerTelemetry.RequestDuration.Record((Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency, tags);
        }
    }
}
