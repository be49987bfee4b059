using System;

namespace Assistants.Client.Telemetry;

/// <summary>
/// A handle on an <c>invoke_agent</c> span for the code that drives a run: the owner ends it on
/// <see cref="Dispose"/>, a joining scope only adds what it sees. The default value (nobody listens) does nothing.
/// </summary>
internal readonly struct InvokeAgentScope : IDisposable
{
    private readonly AgentRunTelemetry? _run;
    private readonly bool _owner;

    public InvokeAgentScope(AgentRunTelemetry run, bool owner)
    {
        _run = run;
        _owner = owner;
    }

    /// <summary>Gets whether this scope ends the span.</summary>
    public bool IsOwner => _owner;

    /// <summary>Gets the run's telemetry, or <c>null</c> when nobody listens.</summary>
    public AgentRunTelemetry? Run => _run;

    /// <summary>Records a state of the run (ids, status, usage).</summary>
    public void Observe(ThreadRun run) => _run?.Observe(run);

    /// <summary>Records the run as the scope's code returns it (a scope disposed without it ended in an exception); returns the run for chaining.</summary>
    public ThreadRun Complete(ThreadRun run)
    {
        _run?.Observe(run);
        _run?.MarkCompleted();
        return run;
    }

    /// <summary>Records the exception leaving the scope; returns <c>false</c>, for use in an exception filter.</summary>
    public bool Fail(Exception exception)
    {
        _run?.Fail(exception);
        return false;
    }

    /// <summary>Ends the span if this scope owns it.</summary>
    public void Dispose()
    {
        if (_owner)
        {
            _run?.End(requireCompletion: true);
        }
    }
}
