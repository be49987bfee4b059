using System;
using System.Diagnostics;

namespace Assistants.Client.Telemetry;

/// <summary>A <c>create_agent</c> span and its duration measurement; exists only while someone listens.</summary>
internal sealed class OperationTelemetry
{
    private readonly ClientTelemetryContext _context;
    private readonly Activity? _activity;
    private readonly string _model;
    private readonly long _started;

    private OperationTelemetry(ClientTelemetryContext context, Activity? activity, string model)
    {
        _context = context;
        _activity = activity;
        _model = model;
        _started = Stopwatch.GetTimestamp();
    }

    public static OperationTelemetry CreateAgent(ClientTelemetryContext context, string model, string? name)
    {
        Activity? activity = AgentTelemetry.Source.StartActivity(name is null ? GenAI.CreateAgent : GenAI.CreateAgent + " " + name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GenAI.OperationName, GenAI.CreateAgent)
                .SetTag(GenAI.ProviderName, context.ProviderName)
                .SetTag(GenAI.AgentName, name)
                .SetTag(GenAI.RequestModel, model)
                .SetTag(GenAI.ServerAddress, context.ServerAddress)
                .SetTag(GenAI.ServerPort, context.ServerPort);
        }

        return new OperationTelemetry(context, activity, model);
    }

    /// <summary>Ends the span with the created assistant (its instructions only when content is opted in).</summary>
    public void Succeed(Assistant assistant)
    {
        _context.RememberAgentName(assistant.Id, assistant.Name);
        if (_activity is not null)
        {
            _activity.SetTag(GenAI.AgentId, assistant.Id).SetTag(GenAI.AgentDescription, assistant.Description);
            if (_context.RecordContent && assistant.Instructions is { Length: > 0 } instructions)
            {
                _activity.SetTag(GenAI.SystemInstructions, instructions);
            }
        }

        End(null);
    }

    /// <summary>Ends the span with the exception; returns <c>false</c>, for use in an exception filter.</summary>
    public bool Fail(Exception exception)
    {
        string errorType = AgentTelemetry.ErrorTypeOf(exception);
        _activity?.SetTag(GenAI.ErrorType, errorType).SetStatus(ActivityStatusCode.Error, exception.Message);
        End(errorType);
        return false;
    }

    private void End(string? errorType)
    {
        _activity?.Stop();
        Metrics.Record(_context, GenAI.CreateAgent, _model, errorType, (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency, null, null);
    }
}
