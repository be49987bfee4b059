using System;

namespace Assistants.Client;

/// <summary>404 Not Found: the resource does not exist, or the configured server does not serve this route.</summary>
public class ResourceNotFoundException : AssistantsApiException
{
    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object, if it sent one.</param>
    /// <param name="response">The HTTP response details.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ResourceNotFoundException(string message, ApiError? error, ResponseInfo? response, string? rawBody, Exception? innerException = null)
        : base(message, error, response, rawBody, innerException)
    {
    }
}
