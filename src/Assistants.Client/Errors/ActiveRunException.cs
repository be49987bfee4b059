using System;

namespace Assistants.Client;

/// <summary>
/// 400: the thread already has an active run, so a message or a new run cannot be added until that run
/// ends. <see cref="ThreadId"/> and <see cref="RunId"/> name the run in the way.
/// </summary>
public class ActiveRunException : AssistantsApiException
{
    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object.</param>
    /// <param name="response">The HTTP response details.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="threadId">The thread named by the server.</param>
    /// <param name="runId">The active run named by the server.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ActiveRunException(string message, ApiError? error, ResponseInfo? response, string? rawBody, string? threadId, string? runId, Exception? innerException = null)
        : base(message, error, response, rawBody, innerException)
    {
        ThreadId = threadId;
        RunId = runId;
    }

    /// <summary>Gets the id of the busy thread, as the server named it.</summary>
    public string? ThreadId { get; }

    /// <summary>Gets the id of the run that is still active, as the server named it.</summary>
    public string? RunId { get; }
}
