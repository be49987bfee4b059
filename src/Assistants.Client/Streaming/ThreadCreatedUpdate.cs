namespace Assistants.Client;

/// <summary>A <c>thread.created</c> event: the thread a create-thread-and-run stream made.</summary>
public sealed class ThreadCreatedUpdate : StreamingUpdate
{
    /// <summary>Initializes the update.</summary>
    /// <param name="thread">The created thread.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="thread"/> is null.</exception>
    public ThreadCreatedUpdate(AssistantThread thread)
        : base(StreamingEventType.ThreadCreated)
    {
        Thread = thread ?? throw new System.ArgumentNullException(nameof(thread));
    }

    /// <summary>Gets the thread.</summary>
    public AssistantThread Thread { get; }
}
