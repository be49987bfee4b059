using System;
using System.Threading;
using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>
/// A <c>thread.run.*</c> event carrying the run. <see cref="StreamingUpdate.EventType"/> follows the run's
/// <c>status</c> in the payload, because real servers have sent a <c>thread.run.completed</c> whose run says
/// <c>incomplete</c>; <see cref="ReceivedEventType"/> keeps the name as sent.
/// </summary>
public sealed class RunUpdate : StreamingUpdate
{
    private readonly RunStatus? _status;
    private readonly DeferredRun? _deferred;
    private ThreadRun? _run;

    /// <summary>Initializes the update.</summary>
    /// <param name="receivedEventType">The event name as the server sent it.</param>
    /// <param name="run">The run.</param>
    /// <param name="isRetrieved"><c>true</c> when the run was fetched because the stream ended without a final run event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public RunUpdate(StreamingEventType receivedEventType, ThreadRun run, bool isRetrieved = false)
        : base(Classify(receivedEventType, (run ?? throw new ArgumentNullException(nameof(run))).Status))
    {
        _run = run;
        _status = run.Status;
        ReceivedEventType = receivedEventType;
        IsRetrieved = isRetrieved;
    }

    /// <summary>A streamed run event whose run is deserialized from <paramref name="deferred"/> when first read.</summary>
    internal RunUpdate(StreamingEventType receivedEventType, DeferredRun deferred)
        : base(Classify(receivedEventType, deferred.Status))
    {
        _deferred = deferred;
        _status = deferred.Status;
        ReceivedEventType = receivedEventType;
    }

    /// <summary>Gets the run.</summary>
    /// <exception cref="AssistantsApiException">The event's data is not a valid run (read when first asked for).</exception>
    public ThreadRun Run => _run ?? Materialize();

    /// <summary>Gets the run's status as the payload states it.</summary>
    /// <value><c>null</c> when the payload left <c>status</c> out (the event name is then the only hint).</value>
    public RunStatus? Status => _status;

    /// <summary>Gets the event name the server sent, which may disagree with the payload's status.</summary>
    public StreamingEventType ReceivedEventType { get; }

    /// <summary>Gets a value indicating whether the run was fetched with a GET because the stream ended without
    /// a terminal or <c>requires_action</c> run event, so this reports the run's real state.</summary>
    public bool IsRetrieved { get; }

    /// <summary>Gets a value indicating whether the run has finished its part of the stream: a terminal status or
    /// <c>requires_action</c> (the stream ends after it and waits for tool outputs).</summary>
    public bool IsFinal => _status?.IsTerminal == true || _status == RunStatus.RequiresAction;

    /// <summary>Gets the run id (<see cref="ThreadRun.Id"/>) without deserializing the run.</summary>
    internal string RunId => _deferred?.Id ?? Run.Id;

    /// <summary>Gets the thread id (<see cref="ThreadRun.ThreadId"/>) without deserializing the run.</summary>
    internal string? ThreadId => _deferred is { } deferred ? deferred.ThreadId : Run.ThreadId;

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

    private static StreamingEventType Classify(StreamingEventType name, RunStatus? status)
    {
        StreamingEventType byStatus = ForStatus(status);
        if (byStatus == default || byStatus == name)
        {
            return name;
        }

        // "created" announces a new run (status queued); every other run event name states a status.
        return name == StreamingEventType.RunCreated && status == RunStatus.Queued ? name : byStatus;
    }

    private ThreadRun Materialize()
    {
        ThreadRun run = _deferred!.Read();
        return Interlocked.CompareExchange(ref _run, run, null) ?? run;
    }
}
