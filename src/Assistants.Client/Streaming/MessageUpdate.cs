using Assistants.Client.Internal;

namespace Assistants.Client;

/// <summary>A <c>thread.message.*</c> event (created, in progress, completed, incomplete) carrying the message.</summary>
public sealed class MessageUpdate : StreamingUpdate
{
    private readonly ThreadMessage? _message;
    private readonly DeferredModel<ThreadMessage>? _deferred;

    /// <summary>Initializes the update.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="message"/> is null.</exception>
    public MessageUpdate(StreamingEventType eventType, ThreadMessage message)
        : base(eventType)
    {
        _message = message ?? throw new System.ArgumentNullException(nameof(message));
    }

    /// <summary>A streamed message event whose message is deserialized from <paramref name="deferred"/> when first read.</summary>
    internal MessageUpdate(StreamingEventType eventType, DeferredModel<ThreadMessage> deferred)
        : base(eventType)
    {
        _deferred = deferred;
    }

    /// <summary>Gets the message.</summary>
    /// <exception cref="AssistantsApiException">The event's data is not a valid message (read when first asked for).</exception>
    public ThreadMessage Message => _message ?? _deferred!.Read();
}
