namespace Assistants.Client;

/// <summary>A <c>thread.run.step.delta</c> event: part of a run step (a tool call's arguments, code, output) as it streams.</summary>
public sealed class RunStepDeltaUpdate : StreamingUpdate
{
    /// <summary>Initializes the update from its delta.</summary>
    /// <param name="delta">The run step delta.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="delta"/> is null.</exception>
    public RunStepDeltaUpdate(RunStepDelta delta)
        : base(StreamingEventType.RunStepDelta)
    {
        Delta = delta ?? throw new System.ArgumentNullException(nameof(delta));
    }

    /// <summary>Gets the id of the run step that changed.</summary>
    public string? RunStepId => Delta.Id;

    /// <summary>Gets the delta.</summary>
    public RunStepDelta Delta { get; }
}
