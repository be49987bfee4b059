using System;

namespace Assistants.Client;

/// <summary>What <see cref="AssistantEventHandler.OnStreamRecovered"/> is told: why a run stream broke and which run is continued by polling.</summary>
public sealed class StreamRecoveryInfo
{
    internal StreamRecoveryInfo(Exception? cause, ThreadRun run)
    {
        Cause = cause;
        Run = run;
    }

    /// <summary>Gets the error that broke the stream: a <see cref="StreamEndedEarlyException"/> (cut or reset) or an
    /// <see cref="AssistantsTimeoutException"/> (<see cref="AssistantsTimeoutKind.StreamIdle"/>).</summary>
    /// <value><c>null</c> when the body ended cleanly but before the run paused or ended.</value>
    public Exception? Cause { get; }

    /// <summary>Gets the run as polled once it paused for tool outputs or ended.</summary>
    public ThreadRun Run { get; }

    /// <summary>Gets the id of the thread.</summary>
    public string? ThreadId => Run.ThreadId;

    /// <summary>Gets the id of the run.</summary>
    public string RunId => Run.Id;
}
