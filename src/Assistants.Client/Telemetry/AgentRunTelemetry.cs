using System;
using System.Diagnostics;

namespace Assistants.Client.Telemetry;

/// <summary>
/// One <c>invoke_agent</c>: the span (when traces are listened to), the start time for
/// <c>gen_ai.client.operation.duration</c>, and what the run has shown so far (ids, model, status, usage). Exists
/// only while someone listens; the scopes that join it update it, the owning scope ends it.
/// </summary>
internal sealed class AgentRunTelemetry
{
    private readonly long _started;
    private Activity? _activity;
    private string? _assistantId;
    private string? _threadId;
    private string? _runId;
    private string? _model;
    private string? _agentName;
    private RunStatus? _status;
    private RunTokenUsage? _usage;
    private string? _errorType;
    private int _ended;
    private bool _completed;

    public AgentRunTelemetry(ClientTelemetryContext context, string? assistantId, string? threadId, string? runId, string? model, string? agentName)
    {
        Context = context;
        _started = Stopwatch.GetTimestamp();
        _agentName = agentName ?? context.AgentName(assistantId);
        _activity = AgentTelemetry.Source.StartActivity(GenAI.InvokeAgent, ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(GenAI.OperationName, GenAI.InvokeAgent)
                .SetTag(GenAI.ProviderName, context.ProviderName)
                .SetTag(GenAI.ServerAddress, context.ServerAddress)
                .SetTag(GenAI.ServerPort, context.ServerPort);
        }
        else
        {
            _activity = null;
        }

        Identify(assistantId, threadId, runId, model);
    }

    public ClientTelemetryContext Context { get; }

    public Activity? Activity => _activity;

    public bool IsEnded => _ended != 0;

    /// <summary>Records the ids and model as they become known (from the request, then from each run seen).</summary>
    public void Identify(string? assistantId, string? threadId, string? runId, string? model)
    {
        Set(ref _assistantId, assistantId, GenAI.AgentId);
        Set(ref _threadId, threadId, GenAI.ConversationId);
        Set(ref _runId, runId, GenAI.ResponseId);
        Set(ref _model, model, GenAI.RequestModel);
        if (_agentName is null && _assistantId is not null && Context.AgentName(_assistantId) is { } name)
        {
            _agentName = name;
        }

        if (_agentName is not null && _activity is not null && _activity.GetTagItem(GenAI.AgentName) is null)
        {
            _activity.SetTag(GenAI.AgentName, _agentName);
            _activity.DisplayName = GenAI.InvokeAgent + " " + _agentName;
        }
    }

    /// <summary>Records a state of the run: its ids, a status change (an event on the span), its usage and instructions.</summary>
    public void Observe(ThreadRun run)
    {
        Identify(run.AssistantId, run.ThreadId, run.Id, null);
        if (run.Model is { Length: > 0 } model && _activity is not null && _activity.GetTagItem(GenAI.ResponseModel) is null)
        {
            _activity.SetTag(GenAI.ResponseModel, model);
        }

        _model ??= run.Model;
        if (run.Usage is { } usage)
        {
            _usage = usage;
        }

        if (run.Status is { } status && status != _status)
        {
            _status = status;
            _activity?.AddEvent(new ActivityEvent(GenAI.RunStatusEvent, tags: new ActivityTagsCollection { [GenAI.RunStatus] = status.ToString() }));
            if (status == RunStatus.Failed || status == RunStatus.Expired || status == RunStatus.Cancelled)
            {
                _errorType = run.LastError?.Code is { } code && code.ToString() is { Length: > 0 } text ? text : status.ToString();
            }
        }

        if (Context.RecordContent && run.Instructions is { Length: > 0 } instructions && _activity is not null)
        {
            _activity.SetTag(GenAI.SystemInstructions, instructions);
        }
    }

    /// <summary>Marks the run as returned to the caller.</summary>
    public void MarkCompleted() => _completed = true;

    /// <summary>Records the exception that ends the run's handling (the first one wins).</summary>
    public void Fail(Exception exception) => _errorType ??= AgentTelemetry.ErrorTypeOf(exception);

    /// <summary>Makes the span the current activity of the calling async flow (a tool loop taking over a stream's span).</summary>
    public void MakeCurrent()
    {
        if (_activity is not null)
        {
            Activity.Current = _activity;
        }
    }

    /// <summary>
    /// Ends the span and records the duration and token usage; later calls do nothing. With
    /// <paramref name="requireCompletion"/>, a run never completed and with no error recorded ended in an exception
    /// the scope did not see: its <c>error.type</c> is <c>_OTHER</c>.
    /// </summary>
    public void End(bool requireCompletion)
    {
        if (System.Threading.Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        if (requireCompletion && !_completed)
        {
            _errorType ??= "_OTHER";
        }

        AgentTelemetry.ClearCurrent(this);
        double seconds = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
        if (_activity is not null)
        {
            if (_status is { } status)
            {
                _activity.SetTag(GenAI.RunStatus, status.ToString());
            }

            if (_usage is { } usage)
            {
                _activity.SetTag(GenAI.InputTokens, usage.PromptTokens).SetTag(GenAI.OutputTokens, usage.CompletionTokens);
            }

            if (_errorType is not null)
            {
                _activity.SetTag(GenAI.ErrorType, _errorType).SetStatus(ActivityStatusCode.Error);
            }

            Activity? current = Activity.Current;
            _activity.Stop();
            if (!ReferenceEquals(current, _activity))
            {
                // Ended from a flow where it was not current (a stream disposed by its reader): leave that flow's current as it was.
                Activity.Current = current;
            }
        }

        Metrics.Record(Context, GenAI.InvokeAgent, _model, _errorType, seconds, _usage?.PromptTokens, _usage?.CompletionTokens);
    }

    private void Set(ref string? field, string? value, string tag)
    {
        if (field is null && value is { Length: > 0 })
        {
            field = value;
            _activity?.SetTag(tag, value);
        }
    }
}
