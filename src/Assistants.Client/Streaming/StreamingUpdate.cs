namespace Assistants.Client;

/// <summary>
/// One event of a run stream, typed by what it carries: <see cref="ThreadCreatedUpdate"/>, <see cref="RunUpdate"/>,
/// <see cref="RunStepUpdate"/>, <see cref="RunStepDeltaUpdate"/>, <see cref="MessageUpdate"/>,
/// <see cref="MessageDeltaUpdate"/>, or <see cref="UnknownStreamingUpdate"/> for an event this library does not know.
/// The <c>error</c> event raises <see cref="AssistantsApiException"/> and <c>done</c> ends the enumeration.
/// </summary>
public abstract class StreamingUpdate
{
    /// <summary>Initializes an update of the given event type.</summary>
    /// <param name="eventType">The event type.</param>
    protected StreamingUpdate(StreamingEventType eventType) => EventType = eventType;

    /// <summary>Gets the event type. For a run event it follows the run's <c>status</c> in the payload, which can
    /// disagree with the event name the server sent (see <see cref="RunUpdate.ReceivedEventType"/>).</summary>
    public StreamingEventType EventType { get; }

    /// <inheritdoc />
    public override string ToString() => EventType.ToString();
}
