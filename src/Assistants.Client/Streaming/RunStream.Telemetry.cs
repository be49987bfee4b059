using System;
using Assistants.Client.Telemetry;

namespace Assistants.Client;

/// <summary>The stream's part of its run's <c>invoke_agent</c> span: it owns the span it started unless a tool loop takes it over.</summary>
public sealed partial class RunStream
{
    private AgentRunTelemetry? _telemetry;
    private bool _ownsTelemetry;

    internal void AttachTelemetry(InvokeAgentScope scope)
    {
        _telemetry = scope.Run;
        _ownsTelemetry = scope.IsOwner;
        if (LatestRun is { } run)
        {
            _telemetry?.Observe(run);
        }
    }

    /// <summary>Hands the span this stream owns to a tool loop (the stream keeps reporting to it); <c>null</c> if it owns none.</summary>
    internal AgentRunTelemetry? TakeTelemetry()
    {
        if (!_ownsTelemetry || _telemetry is not { IsEnded: false } run)
        {
            return null;
        }

        _ownsTelemetry = false;
        return run;
    }

    /// <summary>Records the exception that ends the stream; returns <c>false</c>, for use in an exception filter.</summary>
    private bool FailTelemetry(Exception exception)
    {
        _telemetry?.Fail(exception);
        return false;
    }

    /// <summary>Ends the span this stream owns (at disposal: the stream ended, failed or was left).</summary>
    private void EndTelemetry()
    {
        if (_ownsTelemetry)
        {
            _ownsTelemetry = false;
            _telemetry?.End(requireCompletion: false);
        }
    }
}
