using System;

namespace Assistants.Client;

/// <summary>
/// A <c>thread.run.*</c> event carrying the run. <see cref="StreamingUpdate.EventType"/> follows the run's
/// <c>status</c> in the payload, because real servers have sent a <c>thread.run.completed</c> whose run says
/// <c>incomplete</c>; <see cref="ReceivedEventType"/> keeps the name as sent.
/// </summary>
public sealed class RunUpdate : StreamingUpdate
{
    /// <summary>Initializes the update.</summary>
    /// <param name="receivedEventType">The event name as the server sent it.</param>
    /// <param name="run">The run.</param>
    /// <param name="isRetrieved"><c>true</c> when the run was fetched because the stream ended without a final run event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public RunUpdate(StreamingEventType receivedEventType, ThreadRun run, bool isRetrieved = false)
        : base(Classify(receivedEventType, run ?? throw new ArgumentNullException(nameof(run))))
    {
        Run = run;
        ReceivedEventType = receivedEventType;
        IsRetrieved = isRetrieved;
    }

    /// <summary>Gets the run.</summary>
    public ThreadRun Run { get; }

    /// <summary>Gets the run's status as the payload states it.</summary>
    /// <value><c>null</c> when the payload left <c>status</c> out (the event name is then the only hint).</value>
    public RunStatus? Status => Run.Status;

    /// <summary>Gets the event name the server sent, which may disagree with the payload's status.</summary>
    public StreamingEventType ReceivedEventType { get; }

    /// <summary>Gets a value indicating whether the run was fetched with a GET because the stream ended without
    /// a terminal or <c>requires_action</c> run event, so this reports the run's real state.</summary>
    public bool IsRetrieved { get; }

    /// <summary>Gets a value indicating whether the run has finished its part of the stream: a terminal status or
    /// <c>requires_action</c> (the stream ends after it and waits for tool outputs).</summary>
    public bool IsFinal => Run.Status?.IsTerminal == true || Run.Status == RunStatus.RequiresAction;

    internal static StreamingEventType ForStatus(RunStatus? status)
        => status == RunStatus.Queued ? StreamingEventType.RunQueued
        : status == RunStatus.InProgress ? StreamingEventType.RunInProgress
        : status == RunStatus.RequiresAction ? StreamingEventType.RunRequiresAction
        : status == RunStatus.Cancelling ? StreamingEventType.RunCancelling
        : status == RunStatus.Cancelled ? StreamingEventType.RunCancelled
        : status == RunStatus.Failed ? StreamingEventType.RunFailed
        : status == RunStatus.Completed ? StreamingEventType.RunCompleted
        : status == RunStatus.Incomplete ? StreamingEventType.RunIncomplete
        : status == RunStatus.Expired ? StreamingEventType.RunExpired
        : default;

    private static StreamingEventType Classify(StreamingEventType name, ThreadRun run)
    {
        StreamingEventType byStatus = ForStatus(run.Status);
        if (byStatus == default || byStatus == name)
        {
            return name;
        }

        // "created" announces a new run (status queued); every other run event name states a status.
        return name == StreamingEventType.RunCreated && run.Status == RunStatus.Queued ? name : byStatus;
    }
}
