namespace Assistants.Client;

/// <summary>A <c>thread.run.step.*</c> event (created, in progress, completed, failed, cancelled, expired) carrying the run step.</summary>
public sealed class RunStepUpdate : StreamingUpdate
{
    /// <summary>Initializes the update.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="runStep">The run step.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="runStep"/> is null.</exception>
    public RunStepUpdate(StreamingEventType eventType, RunStep runStep)
        : base(eventType)
    {
        RunStep = runStep ?? throw new System.ArgumentNullException(nameof(runStep));
    }

    /// <summary>Gets the run step.</summary>
    public RunStep RunStep { get; }
}
