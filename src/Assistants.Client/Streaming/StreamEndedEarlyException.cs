using System;

namespace Assistants.Client;

/// <summary>
/// The stream of a run closed in the middle of an event, or its connection broke. Everything read before the cut was delivered
/// (and an <see cref="AssistantEventHandler"/>'s snapshots remain readable); the run itself may still be going.
/// </summary>
public sealed class StreamEndedEarlyException : AssistantsApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StreamEndedEarlyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StreamEndedEarlyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static StreamEndedEarlyException Create(string? pendingEvent)
        => new("The stream ended early: the connection closed in the middle of "
            + (string.IsNullOrEmpty(pendingEvent) || pendingEvent == "message" ? "an event" : "a '" + pendingEvent + "' event")
            + ", before the blank line that ends it. The run may still be going; fetch it to see its state.");

    internal static StreamEndedEarlyException Unrecoverable(Exception? cause, string reason)
        => new("The stream broke and the run cannot be recovered by polling: " + reason
            + (cause is null ? "." : " (" + cause.Message + ")."), cause);

    internal static StreamEndedEarlyException Broken(Exception cause)
        => new("The stream ended early: the connection broke while reading it (" + cause.Message
            + "). The events before it were delivered; the run may still be going, fetch it to see its state.", cause);
}
