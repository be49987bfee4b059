using System;

namespace Assistants.Client;

/// <summary>
/// The configured server does not implement this operation (405 or 501, or a server profile that declares
/// the route unsupported).
/// </summary>
public class OperationNotSupportedException : AssistantsApiException
{
    /// <summary>Initializes a new instance from a parsed server error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="error">The server's error object, if it sent one.</param>
    /// <param name="response">The HTTP response details, if any.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OperationNotSupportedException(string message, ApiError? error, ResponseInfo? response, string? rawBody, Exception? innerException = null)
        : base(message, error, response, rawBody, innerException)
    {
    }
}
