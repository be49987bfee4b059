using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>A <c>thread.run.step.*</c> event (created, in progress, completed, failed, cancelled, expired) carrying the run step.</summary>
public sealed class RunStepUpdate : StreamingUpdate
{
    private readonly RunStep? _runStep;
    private readonly DeferredModel<RunStep>? _deferred;

    /// <summary>Initializes the update.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="runStep">The run step.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="runStep"/> is null.</exception>
    public RunStepUpdate(StreamingEventType eventType, RunStep runStep)
        : base(eventType)
    {
        _runStep = runStep ?? throw new System.ArgumentNullException(nameof(runStep));
    }

    /// <summary>A streamed step event whose step is deserialized from <paramref name="deferred"/> when first read.</summary>
    internal RunStepUpdate(StreamingEventType eventType, DeferredModel<RunStep> deferred)
        : base(eventType)
    {
        _deferred = deferred;
    }

    /// <summary>Gets the run step.</summary>
    /// <exception cref="AssistantsApiException">The event's data is not a valid run step (read when first asked for).</exception>
    public RunStep RunStep => _runStep ?? _deferred!.Read();
}
