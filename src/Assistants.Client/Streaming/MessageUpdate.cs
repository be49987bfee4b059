namespace Assistants.Client;

/// <summary>A <c>thread.message.*</c> event (created, in progress, completed, incomplete) carrying the message.</summary>
public sealed class MessageUpdate : StreamingUpdate
{
    /// <summary>Initializes the update.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="message"/> is null.</exception>
    public MessageUpdate(StreamingEventType eventType, ThreadMessage message)
        : base(eventType)
    {
        Message = message ?? throw new System.ArgumentNullException(nameof(message));
    }

    /// <summary>Gets the message.</summary>
    public ThreadMessage Message { get; }
}
