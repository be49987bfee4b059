using System;

namespace Assistants.Client;

/// <summary>401 Unauthorized or 403 Forbidden: the credentials are missing, wrong, expired or lack permission.</summary>
public class AuthenticationFailedException : AssistantsApiException
{
    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object, if it sent one.</param>
    /// <param name="response">The HTTP response details.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AuthenticationFailedException(string message, ApiError? error, ResponseInfo? response, string? rawBody, Exception? innerException = null)
        : base(message, error, response, rawBody, innerException)
    {
    }
}
